//! Inputs from a seed number: a piece of a seed text, then a few random mutations (insert a token
//! that matters to some reader, delete, duplicate, repeat a token hundreds of times, splice in
//! another seed, flip bytes). Every input is a function of its seed, so a failure is replayed with
//! `--seed`.

/// A small, fast, seedable generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces of text that mean something to a reader, the cleaner, the splitter or the coder.
pub const TOKENS: &[&str] = &[
    ".",
    "?",
    "!",
    "…",
    "...",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    " ",
    "  ",
    "\"",
    "“",
    "”",
    "'",
    "’",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    ",",
    ";",
    "|",
    "\\",
    "\\n",
    "\\u0000",
    "\\ud800",
    "\\\"",
    "\u{0}",
    "\u{7f}",
    "\u{85}",
    "\u{a0}",
    "\u{200b}",
    "\u{2028}",
    "\u{feff}",
    "\u{301}",
    "é",
    "ß",
    "İ",
    "ﬁ",
    "🙂",
    "👨‍👩‍👧",
    "中国",
    "U.S.",
    "U.N.",
    "Mr.",
    "Gen.",
    "Oct.",
    "e.g.",
    "3.5",
    "No.",
    "St.",
    "MORE",
    " MORE",
    "Trump",
    "Donald John TrumpTrump",
    "China",
    "Chinese",
    "North Korea",
    "Kim",
    "he",
    "she",
    "Xi Jinping",
    "Russia",
    "Russian",
    "the United States",
    "said",
    "attacked",
    "praised",
    "condemned",
    "did not",
    "will",
    "met with",
    "sanctions on",
    "and",
    "of",
    "the",
    "President",
    "Minister",
    "Advertisement",
    "Related:",
    "READ MORE",
    "Click here",
    "Share this:",
    "Photo:",
    "(AP)",
    "(Reuters) -",
    "WASHINGTON —",
    "2020-10-10",
    "2020-13-45",
    "Oct. 10, 2020",
    "10 October, 2020 | newsx",
    "on Saturday",
    "yesterday",
    "<p>",
    "</p>",
    "<script>",
    "&amp;",
    "&#x27;",
    "http://",
    "https://example.org/a?b=c",
    "@",
    "#",
    "*",
    "-",
    "—",
    "_",
    "0",
    "9",
    "1999",
    "99999999999999999999",
    "-1",
    "1e309",
    "null",
    "true",
    "false",
    "[]",
    "{}",
    "\"id\"",
    "\"title\"",
    "\"date\"",
    "\"text\"",
    "\"url\"",
    "\"source\"",
    "\"text\": ",
    "\"date\": \"2020-02-30\"",
    "\"id\": 7",
];

/// Seed texts used when no seed file is given: news in both input formats, and junk.
pub const SEEDS: &[&str] = &[
    "China praised North Korea on Saturday. Xi Jinping met Kim Jong Un in Beijing, and he said the two countries would work together.",
    "Chinese President Xi Jinping said on Oct. 9 that the U.S. had imposed new sanctions on Iran. \"We condemn this,\" he said.",
    "Russia Attacks Ukraine\n10 October, 2020 | newsx bureau\n\nRussian forces attacked Ukrainian positions near Donetsk on Saturday, officials said.\n\nAdvertisement\n\nThe European Union did not impose new sanctions on Iran.",
    "{\"id\": \"a1\", \"title\": \"Japan protests\", \"date\": \"2019-06-01\", \"source\": \"newsx\", \"url\": \"https://example.org/a1\", \"text\": \"Japan's Prime Minister Shinzo Abe criticised South Korea on Friday.\"}",
    "{\"id\": 5, \"text\": \"Iran accused Israel of an attack.\\n\\nRelated: Iran vows revenge\", \"date\": \"Oct. 10, 2020\"}",
    "Donald John TrumpTrump faces pressure MORE said Obama MORE and Hillary Clinton MORE met",
    "China,attacked,Japan,China,attacked,Japan,Russia,praised,India",
    "the the the the the the the the the the and and and of of of",
    "Mr. Smith of the U.N. said e.g. 3.5 percent... Really?! \"Why?\" he asked. (AP) — WASHINGTON",
    "",
];

/// A mutated piece of `seeds` (or of [`SEEDS`] when empty), at most about `max_len` bytes.
pub fn text(rng: &mut Rng, seeds: &[String], max_len: usize) -> String {
    let mut out = piece(rng, seeds, max_len);
    let rounds = rng.below(8);
    for _ in 0..rounds {
        mutate(rng, &mut out, seeds, max_len);
    }
    if rng.chance(20) {
        // Bytes that are not UTF-8 cannot be in a String: readers of bytes get them from `bytes`.
        out = String::from_utf8_lossy(out.as_bytes()).into_owned();
    }
    out
}

/// Like [`text`], as bytes, sometimes with bytes that are not UTF-8.
pub fn bytes(rng: &mut Rng, seeds: &[String], max_len: usize) -> Vec<u8> {
    let mut out = text(rng, seeds, max_len).into_bytes();
    if !out.is_empty() && rng.chance(4) {
        for _ in 0..1 + rng.below(4) {
            let i = rng.below(out.len());
            out[i] = rng.next() as u8;
        }
    }
    if rng.chance(30) {
        let magic: &[&[u8]] = &[
            b"\x1f\x8b",
            b"PK\x03\x04",
            b"\xff\xfe",
            b"\xef\xbb\xbf",
            b"%PDF-",
            b"SQLite format 3\0",
        ];
        let mut m = rng.pick(magic).to_vec();
        m.extend_from_slice(&out);
        out = m;
    }
    out
}

fn piece(rng: &mut Rng, seeds: &[String], max_len: usize) -> String {
    let seed: &str = if seeds.is_empty() || rng.chance(5) {
        *rng.pick(SEEDS)
    } else {
        rng.pick(seeds).as_str()
    };
    if seed.len() <= max_len {
        return seed.to_string();
    }
    let start = floor(seed, rng.below(seed.len()));
    let end = floor(seed, (start + 1 + rng.below(max_len)).min(seed.len()));
    seed[start..end].to_string()
}

fn floor(s: &str, mut i: usize) -> usize {
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(rng: &mut Rng, s: &mut String, seeds: &[String], max_len: usize) {
    let at = floor(s, rng.below(s.len() + 1));
    match rng.below(7) {
        0 | 1 => s.insert_str(at, *rng.pick(TOKENS)),
        2 => {
            let end = floor(s, (at + rng.below(64)).min(s.len()));
            s.replace_range(at..end, "");
        }
        3 => {
            let end = floor(s, (at + rng.below(200)).min(s.len()));
            let copy = s[at..end].to_string();
            s.insert_str(end, &copy);
        }
        4 => {
            // A long run: a token (or a word and a space) repeated up to a few thousand times.
            let token = *rng.pick(TOKENS);
            let most = if rng.chance(4) { 3000 } else { 50 };
            let times = 1 + rng.below(most);
            let run = token.repeat(times.min(max_len / token.len().max(1) + 1));
            s.insert_str(at, &run);
        }
        5 => {
            let other = piece(rng, seeds, max_len / 2 + 1);
            s.insert_str(at, &other);
        }
        _ => {
            let c = char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('\u{fffd}');
            s.insert(at, c);
        }
    }
    if s.len() > 2 * max_len + 64 {
        let cut = floor(s, 2 * max_len);
        s.truncate(cut);
    }
}

/// A piece of a seed file of at most `max_len` bytes: its start, a window that starts at a line,
/// or its start and its end joined (a page's head and its last paragraphs).
pub fn file_window(rng: &mut Rng, bytes: &[u8], max_len: usize) -> Vec<u8> {
    if bytes.len() <= max_len {
        return bytes.to_vec();
    }
    let len = 1 + rng.below(max_len);
    match rng.below(3) {
        0 => bytes[..len].to_vec(),
        1 => {
            let at = rng.below(bytes.len());
            let start = bytes[..at]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(0, |i| i + 1);
            bytes[start..(start + len).min(bytes.len())].to_vec()
        }
        _ => {
            let mut out = bytes[..len / 2].to_vec();
            out.extend_from_slice(&bytes[bytes.len() - (len - len / 2)..]);
            out
        }
    }
}

/// Up to `rounds` mutations of `bytes` with `tokens` (and [`TOKENS`] now and then): a token
/// inserted, a range deleted or doubled, a run of one token, a byte changed, a line of another
/// seed file spliced in. The result stays under about `2 * max_len` bytes.
pub fn mutate_bytes(
    rng: &mut Rng,
    bytes: &mut Vec<u8>,
    tokens: &[&str],
    rounds: usize,
    max_len: usize,
) {
    for _ in 0..rng.below(rounds + 1) {
        let tokens = if rng.chance(5) { TOKENS } else { tokens };
        let at = rng.below(bytes.len() + 1);
        match rng.below(7) {
            0..=2 => {
                let t = rng.pick(tokens).as_bytes();
                bytes.splice(at..at, t.iter().copied());
            }
            3 => {
                let end = (at + rng.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            4 => {
                let end = (at + rng.below(300)).min(bytes.len());
                let copy = bytes[at..end].to_vec();
                bytes.splice(end..end, copy);
            }
            5 => {
                let t = rng.pick(tokens).as_bytes();
                let most = if rng.chance(4) { 3000 } else { 50 };
                let times = 1 + rng.below(most);
                let run = t.repeat(times.min(max_len / t.len().max(1) + 1));
                bytes.splice(at..at, run);
            }
            _ if !bytes.is_empty() => {
                let i = rng.below(bytes.len());
                bytes[i] = rng.next() as u8;
            }
            _ => {}
        }
        bytes.truncate(2 * max_len + 64);
    }
}

/// [`mutate_bytes`] on a string; bytes left invalid become U+FFFD.
pub fn mutated_with(
    rng: &mut Rng,
    s: String,
    tokens: &[&str],
    rounds: usize,
    max_len: usize,
) -> String {
    let mut bytes = s.into_bytes();
    mutate_bytes(rng, &mut bytes, tokens, rounds, max_len);
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
