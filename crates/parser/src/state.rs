//! The arc-hybrid transition system: a stack, a buffer ending in a virtual root, and the arcs
//! built so far with the children summaries that features read.
//!
//! Transitions: SHIFT moves the buffer's front `b0` onto the stack; LEFT makes the stack top `s0`
//! a dependent of `b0` and pops it; RIGHT makes `s0` a dependent of the word below it `s1` and
//! pops it. The root sits at the end of the buffer (index `n`), is never shifted, and takes a
//! dependent only when it is the last word on the stack, so every parse is a single tree.

/// Marks "no word" in the stack, buffer and children arrays.
pub const NONE: u32 = u32::MAX;

pub const SHIFT: usize = 0;
pub const LEFT: usize = 1;
pub const RIGHT: usize = 2;
/// Number of transitions.
pub const ACTIONS: usize = 3;

/// One configuration of the parser over `n` words (plus the root at index `n`).
#[derive(Debug, Default, Clone)]
pub struct State {
    pub n: usize,
    pub stack: Vec<u32>,
    /// Front of the buffer; the buffer is `b..=n`.
    pub b: usize,
    pub heads: Vec<u32>,
    pub rels: Vec<u8>,
    /// Leftmost and second leftmost, rightmost and second rightmost children.
    pub lc1: Vec<u32>,
    pub lc2: Vec<u32>,
    pub rc1: Vec<u32>,
    pub rc2: Vec<u32>,
    /// Number of left and right children.
    pub nl: Vec<u8>,
    pub nr: Vec<u8>,
    /// Labels of the left and right children, as bit sets.
    pub lset: Vec<u64>,
    pub rset: Vec<u64>,
}

impl State {
    /// Starts a parse of `n` words, reusing the buffers.
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 0;
        for v in [
            &mut self.heads,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
        ] {
            v.clear();
            v.resize(n + 1, NONE);
        }
        self.rels.clear();
        self.rels.resize(n + 1, 0);
        self.nl.clear();
        self.nl.resize(n + 1, 0);
        self.nr.clear();
        self.nr.resize(n + 1, 0);
        self.lset.clear();
        self.lset.resize(n + 1, 0);
        self.rset.clear();
        self.rset.resize(n + 1, 0);
    }

    pub fn is_final(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    /// The stack's `k`th word from the top, or [`NONE`].
    #[inline]
    pub fn s(&self, k: usize) -> u32 {
        let len = self.stack.len();
        if k < len {
            self.stack[len - 1 - k]
        } else {
            NONE
        }
    }

    /// The buffer's `k`th word (the root is index `n`), or [`NONE`].
    #[inline]
    pub fn buf(&self, k: usize) -> u32 {
        let i = self.b + k;
        if i <= self.n {
            i as u32
        } else {
            NONE
        }
    }

    /// Which transitions are allowed now, indexed by SHIFT, LEFT, RIGHT.
    #[inline]
    pub fn legal(&self) -> [bool; ACTIONS] {
        let depth = self.stack.len();
        [
            self.b < self.n,
            depth >= 1 && (self.b < self.n || depth == 1),
            depth >= 2,
        ]
    }

    /// Applies a transition; `rel` labels the arc of LEFT and RIGHT. Returns the arc made as
    /// `(dependent, head)`.
    #[inline]
    pub fn apply(&mut self, action: usize, rel: u8) -> Option<(usize, usize)> {
        match action {
            SHIFT => {
                self.stack.push(self.b as u32);
                self.b += 1;
                None
            }
            LEFT => {
                let d = self.stack.pop().expect("LEFT needs a stack") as usize;
                let h = self.b;
                self.heads[d] = h as u32;
                self.rels[d] = rel;
                self.lc2[h] = self.lc1[h];
                self.lc1[h] = d as u32;
                self.nl[h] = self.nl[h].saturating_add(1);
                self.lset[h] |= 1 << rel;
                Some((d, h))
            }
            _ => {
                let d = self.stack.pop().expect("RIGHT needs a stack") as usize;
                let h = *self.stack.last().expect("RIGHT needs two words") as usize;
                self.heads[d] = h as u32;
                self.rels[d] = rel;
                self.rc2[h] = self.rc1[h];
                self.rc1[h] = d as u32;
                self.nr[h] = self.nr[h].saturating_add(1);
                self.rset[h] |= 1 << rel;
                Some((d, h))
            }
        }
    }

    /// The head that `action` would give the stack top (LEFT and RIGHT only).
    #[inline]
    pub fn head_for(&self, action: usize) -> usize {
        if action == LEFT {
            self.b
        } else {
            self.s(1) as usize
        }
    }

    /// Dynamic-oracle cost of each transition: how many arcs of the projective gold tree `gold`
    /// (head of each word, `n` for the root) it makes unreachable. Illegal transitions cost `u32::MAX`.
    pub fn costs(&self, gold: &[u32]) -> [u32; ACTIONS] {
        let legal = self.legal();
        let mut c = [u32::MAX; ACTIONS];
        let n = self.n;
        let b = self.b;
        // dependents of w in the buffer (words only: the root depends on nothing)
        let deps_in_buffer = |w: u32| (b..n).filter(|&k| gold[k] == w).count() as u32;
        if legal[SHIFT] {
            let below = &self.stack[..self.stack.len().saturating_sub(1)];
            let head_lost = below.contains(&gold[b]) as u32;
            let deps_lost = self
                .stack
                .iter()
                .filter(|&&k| gold[k as usize] == b as u32)
                .count();
            c[SHIFT] = head_lost + deps_lost as u32;
        }
        if legal[LEFT] || legal[RIGHT] {
            let s0 = self.s(0);
            let s1 = self.s(1);
            let g = gold[s0 as usize];
            let deps = deps_in_buffer(s0);
            if legal[LEFT] {
                let lost = g != b as u32 && (g == s1 || g as usize > b);
                c[LEFT] = lost as u32 + deps;
            }
            if legal[RIGHT] {
                let lost = g != s1 && g as usize >= b;
                c[RIGHT] = lost as u32 + deps;
            }
        }
        c
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following zero-cost transitions rebuilds a projective tree exactly.
    #[test]
    fn zero_cost_path_rebuilds_the_gold_tree() {
        // "China criticized Japan on Monday ." : criticized is the root (index 6 = root)
        let gold = [1u32, 6, 1, 4, 1, 1];
        let mut st = State::default();
        st.reset(6);
        while !st.is_final() {
            let c = st.costs(&gold);
            let a = (0..ACTIONS).find(|&a| c[a] == 0).expect("a zero-cost move");
            st.apply(a, 0);
        }
        assert_eq!(&st.heads[..6], &gold);
    }
}
