//! End to end: `--parse-checks off` codes without the dependency-parse checks, `on` with them.

mod common;
use common::{events, shared, tidings};

#[test]
fn parse_checks_can_be_turned_off_and_on() {
    let seed = shared().join("seed/xi-kim-letter-2020-10-11.txt");
    let seed = seed.to_str().unwrap();
    let count = |mode: &str| {
        let out = tidings(&["code", "--parse-checks", mode, seed]);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        events(&out).len()
    };
    let (auto, on, off) = (count("auto"), count("on"), count("off"));
    // tidings' own dictionaries are checked by default; the checks only ever remove events
    assert_eq!(auto, on);
    assert!(off >= on, "off {off} < on {on}");
    assert!(
        on >= 3,
        "the seed's praise and intent events stand with the checks: {on}"
    );
    let bad = tidings(&["code", "--parse-checks", "sometimes", seed]);
    assert!(!bad.status.success());
}
