//! A weight table: feature keys to sparse per-class `i16` weights, in an open-addressing hash
//! table, with its file encoding.
//!
//! Encoding (little-endian): `u32` class count, feature count `n`, entry count `e`; `n` keys
//! (`u32`), `n` entry counts (`u8`), `e` class indices (`u8`), `e` weights (`i16`). Each feature's
//! entries follow the previous feature's. A dense table (class count with the high bit
//! [`DENSE`] set; for few classes) stores instead `n` keys and then `classes` weights per
//! feature, with no counts or class indices (`e` is `n * classes`).

use crate::model::ModelError;

const OVERFLOW: u32 = 0xffff_0000;
/// Marks a dense table in the class count.
pub const DENSE: u32 = 0x8000_0000;
/// Width of a score array; class counts must be smaller.
pub const MAX_CLASSES: usize = 64;

#[derive(Debug)]
pub struct Table {
    /// Slot: key (0: empty), then up to three entries inline (class in the high 16 bits, weight
    /// in the low 16; unused ones are class 0 weight 0), or `OVERFLOW | count` and the start of
    /// the entries in `overflow`.
    slots: Vec<[u32; 4]>,
    mask: usize,
    overflow: Vec<u32>,
    pub classes: usize,
    pub features: usize,
}

impl Table {
    /// Reads one table from `bytes` at `*at`, advancing it.
    pub fn read(bytes: &[u8], at: &mut usize, what: &str) -> Result<Table, ModelError> {
        let err = |m: String| ModelError(format!("{what} table: {m}"));
        let u32_at = |p: usize| -> Result<usize, ModelError> {
            bytes
                .get(p..p + 4)
                .map(|b| u32::from_le_bytes(b.try_into().unwrap()) as usize)
                .ok_or_else(|| err(format!("truncated at byte {p}")))
        };
        let (header, n, e) = (u32_at(*at)?, u32_at(*at + 4)?, u32_at(*at + 8)?);
        let dense = header as u32 & DENSE != 0;
        let classes = header & !(DENSE as usize);
        if classes == 0 || classes > MAX_CLASSES {
            return Err(err(format!("{classes} classes")));
        }
        let keys_at = *at + 12;
        let (counts_at, classes_at, weights_at) = if dense {
            if e != n * classes {
                return Err(err(format!("dense table of {n} features has {e} entries")));
            }
            (0, 0, keys_at + 4 * n)
        } else {
            let counts_at = keys_at + 4 * n;
            (counts_at, counts_at + n, counts_at + n + e)
        };
        let end = weights_at + 2 * e;
        if bytes.len() < end || e >= 1 << 24 {
            return Err(err(format!("{n} features and {e} entries do not fit")));
        }
        let weight = |j: usize| {
            i16::from_le_bytes([bytes[weights_at + 2 * j], bytes[weights_at + 2 * j + 1]])
        };
        // at most half full: a key that is not there (most of them) ends its probe within a
        // slot or two, in the cache line that was prefetched
        let size = (n * 2).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = Vec::with_capacity(size);
        tidings_tagger::memory::advise_huge_pages(slots.spare_capacity_mut());
        slots.resize(size, [0u32; 4]);
        let mut overflow = Vec::new();
        let mut start = 0usize;
        let mut entries: Vec<u32> = Vec::with_capacity(MAX_CLASSES);
        for f in 0..n {
            let key = u32_at(keys_at + 4 * f)? as u32;
            entries.clear();
            if dense {
                for c in 0..classes {
                    let w = weight(f * classes + c);
                    if w != 0 {
                        entries.push((c as u32) << 16 | (w as u16 as u32));
                    }
                }
            } else {
                let count = bytes[counts_at + f] as usize;
                if count == 0 || start + count > e {
                    return Err(err(format!("feature {f} is malformed")));
                }
                for j in start..start + count {
                    let class = bytes[classes_at + j] as u32;
                    if class as usize >= classes {
                        return Err(err(format!("entry {j} names class {class}")));
                    }
                    entries.push(class << 16 | (weight(j) as u16 as u32));
                }
                start += count;
            }
            if key == 0 {
                return Err(err(format!("feature {f} has key 0")));
            }
            let count = entries.len();
            let mut s = key as usize & mask;
            while slots[s][0] != 0 {
                if slots[s][0] == key {
                    return Err(err(format!("feature key {key:#x} appears twice")));
                }
                s = (s + 1) & mask;
            }
            let slot = &mut slots[s];
            slot[0] = key;
            if count <= 3 {
                slot[1..1 + count].copy_from_slice(&entries);
            } else {
                slot[1] = OVERFLOW | count as u32;
                slot[2] = overflow.len() as u32;
                overflow.extend_from_slice(&entries);
            }
        }
        *at = end;
        Ok(Table {
            slots,
            mask,
            overflow,
            classes,
            features: n,
        })
    }

    /// Asks the processor to start loading the home slot of `key`, so that a later [`Table::add`]
    /// of several keys overlaps their memory latency.
    #[inline]
    pub fn prefetch(&self, key: u32) {
        #[cfg(target_arch = "x86_64")]
        {
            let p = self.slots.as_ptr().wrapping_add(key as usize & self.mask);
            // SAFETY: prefetching is a hint with no effect on memory; `p` is within `slots`.
            unsafe {
                std::arch::x86_64::_mm_prefetch(p as *const i8, std::arch::x86_64::_MM_HINT_T0)
            };
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = key;
    }

    /// Adds the weights of feature `key` to `scores`.
    #[inline]
    pub fn add(&self, key: u32, scores: &mut [i32; MAX_CLASSES]) {
        let mut s = key as usize & self.mask;
        loop {
            let slot = &self.slots[s];
            if slot[0] == 0 {
                return;
            }
            if slot[0] == key {
                if slot[1] & OVERFLOW == OVERFLOW {
                    let count = (slot[1] & 0xffff) as usize;
                    let start = slot[2] as usize;
                    for &e in &self.overflow[start..start + count] {
                        scores[(e >> 16) as usize & (MAX_CLASSES - 1)] += (e as u16 as i16) as i32;
                    }
                } else {
                    for &e in &slot[1..4] {
                        scores[(e >> 16) as usize & (MAX_CLASSES - 1)] += (e as u16 as i16) as i32;
                    }
                }
                return;
            }
            s = (s + 1) & self.mask;
        }
    }
}

/// Writes one table: `rows` are (key, sorted (class, weight) entries), sorted by key, with weights
/// already quantized. A `dense` table stores every class's weight of every feature.
pub fn write(out: &mut Vec<u8>, classes: usize, rows: &[(u32, Vec<(u8, i16)>)], dense: bool) {
    let entries: usize = if dense {
        rows.len() * classes
    } else {
        rows.iter().map(|(_, r)| r.len()).sum()
    };
    let header = classes as u32 | if dense { DENSE } else { 0 };
    for v in [header, rows.len() as u32, entries as u32] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    for (k, _) in rows {
        out.extend_from_slice(&k.to_le_bytes());
    }
    if dense {
        for (_, r) in rows {
            let mut ws = vec![0i16; classes];
            for (c, w) in r {
                ws[*c as usize] = *w;
            }
            for w in ws {
                out.extend_from_slice(&w.to_le_bytes());
            }
        }
        return;
    }
    out.extend(rows.iter().map(|(_, r)| r.len() as u8));
    for (_, r) in rows {
        out.extend(r.iter().map(|(c, _)| *c));
    }
    for (_, r) in rows {
        for (_, w) in r {
            out.extend_from_slice(&w.to_le_bytes());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores_of(table: &Table, key: u32) -> Vec<i32> {
        let mut s = [0i32; MAX_CLASSES];
        table.add(key, &mut s);
        s[..table.classes].to_vec()
    }

    #[test]
    fn sparse_and_dense_tables_read_back() {
        let rows = vec![
            (5u32, vec![(0u8, 7i16), (2, -3)]),
            (9, vec![(1, 4)]),
            (11, vec![(0, 1), (1, 2), (2, 3)]),
        ];
        for dense in [false, true] {
            let mut bytes = Vec::new();
            write(&mut bytes, 3, &rows, dense);
            let mut at = 0;
            let t = Table::read(&bytes, &mut at, "test").unwrap();
            assert_eq!(at, bytes.len());
            assert_eq!(t.features, 3);
            assert_eq!(scores_of(&t, 5), [7, 0, -3]);
            assert_eq!(scores_of(&t, 9), [0, 4, 0]);
            assert_eq!(scores_of(&t, 11), [1, 2, 3]);
            assert_eq!(scores_of(&t, 6), [0, 0, 0]);
            assert!(Table::read(&bytes[..bytes.len() - 1], &mut 0, "test").is_err());
        }
    }
}
