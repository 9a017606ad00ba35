//! Training the event model: a multi-class averaged perceptron over candidate events.
//!
//! Each [`Example`] is one candidate's features and the roots a human coder gave it (none: no
//! event). A candidate with several roots ("met and promised aid": 04 and 03) counts as right when
//! the model picks any of them. An example counts as learnt only when its class beats every other
//! by a separation (a margin perceptron). Averaging the weights over all updates keeps the model
//! from chasing the last examples it saw.

use super::features::split_key;
use super::weights::{Weights, CLASSES};
use std::collections::HashMap;

/// One training candidate.
#[derive(Debug, Clone)]
pub struct Example {
    pub features: Vec<u64>,
    /// Classes (1..=20 for roots) the coders gave; empty means no event.
    pub labels: Vec<u8>,
}

/// Options for [`train`].
#[derive(Debug, Clone)]
pub struct TrainOptions {
    pub epochs: usize,
    /// Features seen in fewer examples are dropped.
    pub min_count: usize,
    pub seed: u64,
    pub margin: f32,
    /// How far the right class must beat every other for an example to count as learnt (a
    /// margin perceptron: without it, "no event" wins most close calls and recall suffers).
    pub separation: f32,
    /// How much to lower each class's score on every candidate (folded into the weights of the
    /// `bias` feature that every candidate has): per-root margins, chosen by cross-validation.
    pub class_offsets: [f32; CLASSES],
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 12,
            min_count: 2,
            seed: 20261207,
            margin: 0.0,
            separation: 10.0,
            class_offsets: [0.0; CLASSES],
        }
    }
}

#[derive(Default)]
struct Accumulator {
    weights: HashMap<u64, [f32; CLASSES]>,
    /// Sum over updates of (update step * change), for averaging.
    stamped: HashMap<u64, [f32; CLASSES]>,
    step: f32,
}

impl Accumulator {
    /// Moves the weights of `class` by `delta`: a plain feature's weight for that class, a rooted
    /// feature's shared weight (slot 0) when its root is that class.
    fn update(&mut self, features: &[u64], class: usize, delta: f32) {
        for f in features {
            let (root, key) = split_key(*f);
            let slot = match root {
                0 => class,
                r if r as usize == class => 0,
                _ => continue,
            };
            self.weights.entry(key).or_insert([0.0; CLASSES])[slot] += delta;
            self.stamped.entry(key).or_insert([0.0; CLASSES])[slot] += self.step * delta;
        }
    }

    fn scores(&self, features: &[u64]) -> [f32; CLASSES] {
        let mut s = [0.0; CLASSES];
        for f in features {
            let (root, key) = split_key(*f);
            if let Some(w) = self.weights.get(&key) {
                if root == 0 {
                    for c in 0..CLASSES {
                        s[c] += w[c];
                    }
                } else if (root as usize) < CLASSES {
                    s[root as usize] += w[0];
                }
            }
        }
        s
    }

    fn averaged(self) -> Vec<(u64, [f32; CLASSES])> {
        let step = self.step.max(1.0);
        self.weights
            .into_iter()
            .map(|(k, w)| {
                let u = self.stamped[&k];
                let mut avg = [0.0; CLASSES];
                for c in 0..CLASSES {
                    avg[c] = w[c] - u[c] / step;
                }
                (k, avg)
            })
            .collect()
    }
}

/// The predicted class of a score row: the best root when it beats "no event" by `margin`.
pub fn decide(scores: &[f32; CLASSES], margin: f32) -> usize {
    let (best, value) = scores[1..]
        .iter()
        .enumerate()
        .fold(
            (0, f32::MIN),
            |acc, (k, v)| if *v > acc.1 { (k + 1, *v) } else { acc },
        );
    if value > scores[0] + margin {
        best
    } else {
        0
    }
}

/// Trains a model on `examples`.
pub fn train(mut examples: Vec<Example>, options: &TrainOptions) -> Weights {
    // drop rare features
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for e in &examples {
        for f in &e.features {
            *counts.entry(*f).or_default() += 1;
        }
    }
    for e in &mut examples {
        e.features.retain(|f| counts[f] >= options.min_count);
        e.features.sort_unstable();
        e.features.dedup();
    }
    let mut acc = Accumulator::default();
    let mut rng = options.seed;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    for _ in 0..options.epochs {
        shuffle(&mut order, &mut rng);
        for &i in &order {
            acc.step += 1.0;
            let e = &examples[i];
            let scores = acc.scores(&e.features);
            let guess = argmax(&separated(scores, &e.labels, options.separation));
            let right = if e.labels.is_empty() {
                guess == 0
            } else {
                e.labels.contains(&(guess as u8))
            };
            if right {
                continue;
            }
            let truth = if e.labels.is_empty() {
                0
            } else {
                *e.labels
                    .iter()
                    .max_by(|a, b| scores[**a as usize].total_cmp(&scores[**b as usize]))
                    .unwrap() as usize
            };
            acc.update(&e.features, truth, 1.0);
            acc.update(&e.features, guess, -1.0);
        }
    }
    let mut rows = acc.averaged();
    if options.class_offsets.iter().any(|o| *o != 0.0) {
        let bias = super::features::bias_key();
        match rows.iter_mut().find(|(k, _)| *k == bias) {
            Some((_, row)) => {
                for (w, o) in row.iter_mut().zip(&options.class_offsets) {
                    *w -= o;
                }
            }
            None => {
                let mut row = [0.0; CLASSES];
                for (w, o) in row.iter_mut().zip(&options.class_offsets) {
                    *w -= o;
                }
                rows.push((bias, row));
            }
        }
    }
    Weights::from_rows(rows, options.margin)
}

/// The scores with `separation` added to every class that is not the example's.
fn separated(mut scores: [f32; CLASSES], labels: &[u8], separation: f32) -> [f32; CLASSES] {
    for (c, s) in scores.iter_mut().enumerate() {
        let theirs = if labels.is_empty() {
            c == 0
        } else {
            labels.contains(&(c as u8))
        };
        if !theirs {
            *s += separation;
        }
    }
    scores
}

fn argmax(scores: &[f32; CLASSES]) -> usize {
    let mut best = 0;
    for c in 1..CLASSES {
        if scores[c] > scores[best] {
            best = c;
        }
    }
    best
}

/// Fisher-Yates with a small xorshift generator, so that training is reproducible.
fn shuffle(order: &mut [usize], rng: &mut u64) {
    for i in (1..order.len()).rev() {
        *rng ^= *rng << 13;
        *rng ^= *rng >> 7;
        *rng ^= *rng << 17;
        let j = (*rng % (i as u64 + 1)) as usize;
        order.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem() {
        let mut examples = Vec::new();
        for k in 0..50u64 {
            examples.push(Example {
                features: vec![1, 100 + k % 5],
                labels: vec![4],
            });
            examples.push(Example {
                features: vec![2, 100 + k % 5],
                labels: vec![],
            });
            examples.push(Example {
                features: vec![3, 100 + k % 5],
                labels: vec![19],
            });
        }
        let w = train(examples, &TrainOptions::default());
        let mut s = [0.0; CLASSES];
        w.score(&[1, 101], &mut s);
        assert_eq!(decide(&s, 0.0), 4);
        w.score(&[2, 101], &mut s);
        assert_eq!(decide(&s, 0.0), 0);
        w.score(&[3, 102], &mut s);
        assert_eq!(decide(&s, 0.0), 19);
    }

    #[test]
    fn class_offsets_lower_a_root_on_every_candidate() {
        let bias = crate::model::features::bias_key();
        let examples: Vec<Example> = (0..60u64)
            .map(|k| Example {
                features: vec![bias, 1 + k % 2],
                labels: if k % 2 == 0 { vec![4] } else { vec![19] },
            })
            .collect();
        let plain = train(examples.clone(), &TrainOptions::default());
        let mut offsets = [0.0; CLASSES];
        offsets[4] = 1000.0;
        let lowered = train(
            examples,
            &TrainOptions {
                class_offsets: offsets,
                ..TrainOptions::default()
            },
        );
        let (mut a, mut b) = ([0.0; CLASSES], [0.0; CLASSES]);
        plain.score(&[bias, 1], &mut a);
        lowered.score(&[bias, 1], &mut b);
        assert_eq!(decide(&a, 0.0), 4);
        assert_ne!(decide(&b, 0.0), 4);
        assert!((a[4] - b[4] - 1000.0).abs() < 1e-3);
        assert_eq!(a[19], b[19]);
    }
}
