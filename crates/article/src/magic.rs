//! Files that are not text: compressed files, archives, documents and databases recognised by
//! their first bytes, and any other file with NUL bytes, each named with what to do instead.

use std::path::Path;

/// What the first bytes of `name` say it is, when it is not text: a reason naming the kind of file
/// and how to get text out of it. None for text (UTF-8 or not, which the readers judge).
pub fn not_text(name: &Path, first_bytes: &[u8]) -> Option<String> {
    let file = name.display();
    let named = |kind: &str, advice: String| Some(format!("{kind}, not text; {advice}"));
    let starts = |magic: &[u8]| first_bytes.starts_with(magic);
    if starts(b"\x1f\x8b") {
        return named(
            "a gzip file",
            format!("decompress it first (`gunzip -k {file}`, or `zcat {file} | tidings code`)"),
        );
    }
    if starts(b"PK\x03\x04") || starts(b"PK\x05\x06") {
        return named(
            "a zip archive",
            format!("unpack it first (`unzip {file}`) and give tidings the files inside"),
        );
    }
    if starts(b"BZh")
        && first_bytes
            .get(3)
            .is_some_and(|b| (b'1'..=b'9').contains(b))
    {
        return named(
            "a bzip2 file",
            format!("decompress it first (`bunzip2 -k {file}`, or `bzcat {file} | tidings code`)"),
        );
    }
    if starts(b"\xfd7zXZ\x00") {
        return named(
            "an xz file",
            format!("decompress it first (`unxz -k {file}`, or `xzcat {file} | tidings code`)"),
        );
    }
    if starts(b"\x28\xb5\x2f\xfd") {
        return named(
            "a zstd file",
            format!("decompress it first (`unzstd {file}`, or `zstdcat {file} | tidings code`)"),
        );
    }
    if starts(b"7z\xbc\xaf\x27\x1c") {
        return named(
            "a 7-Zip archive",
            format!("unpack it first (`7z x {file}`) and give tidings the files inside"),
        );
    }
    if first_bytes.get(257..262) == Some(b"ustar") {
        return named(
            "a tar archive",
            format!("unpack it first (`tar -xf {file}`) and give tidings the files inside"),
        );
    }
    if starts(b"%PDF-") {
        return named(
            "a PDF document",
            format!("extract its text first (e.g. `pdftotext {file}`)"),
        );
    }
    if starts(b"SQLite format 3\x00") {
        return named(
            "an SQLite database",
            "read a tidings database with `tidings query` or `tidings export`".into(),
        );
    }
    if starts(b"\xff\xfe") || starts(b"\xfe\xff") {
        return Some(format!(
            "UTF-16 text; re-encode it as UTF-8 (`iconv -f UTF-16 -t UTF-8 {file}`)"
        ));
    }
    if first_bytes.contains(&0) {
        return named(
            "a binary file (it has NUL bytes)",
            "tidings reads plain-text articles and JSON Lines".into(),
        );
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reason(name: &str, bytes: &[u8]) -> Option<String> {
        not_text(Path::new(name), bytes)
    }

    #[test]
    fn compressed_files_and_archives_are_named() {
        let gz = reason("feed.jsonl.gz", b"\x1f\x8b\x08\x00\x00\x00").unwrap();
        assert!(
            gz.starts_with("a gzip file, not text; decompress it first"),
            "{gz}"
        );
        assert!(gz.contains("gunzip -k feed.jsonl.gz"), "{gz}");
        assert!(reason("a.zip", b"PK\x03\x04rest")
            .unwrap()
            .starts_with("a zip archive"));
        assert!(reason("a.bz2", b"BZh91AY&SY")
            .unwrap()
            .starts_with("a bzip2 file"));
        assert!(reason("a.xz", b"\xfd7zXZ\x00\x00")
            .unwrap()
            .starts_with("an xz file"));
        assert!(reason("a.zst", b"\x28\xb5\x2f\xfd\x00")
            .unwrap()
            .starts_with("a zstd file"));
        assert!(reason("a.7z", b"7z\xbc\xaf\x27\x1c\x00")
            .unwrap()
            .starts_with("a 7-Zip"));
        let mut tar = vec![b'a'; 512];
        tar[100] = 0;
        tar[257..262].copy_from_slice(b"ustar");
        assert!(reason("a.tar", &tar).unwrap().starts_with("a tar archive"));
    }

    #[test]
    fn documents_databases_and_utf16_are_named() {
        assert!(reason("a.pdf", b"%PDF-1.7\n")
            .unwrap()
            .starts_with("a PDF document"));
        assert!(reason("t.db", b"SQLite format 3\x00\x10\x00")
            .unwrap()
            .starts_with("an SQLite database"));
        assert!(reason("u.txt", b"\xff\xfeH\x00i\x00")
            .unwrap()
            .starts_with("UTF-16 text"));
        assert!(reason("x.bin", b"\x7fELF\x02\x01\x01\x00")
            .unwrap()
            .starts_with("a binary file"));
    }

    #[test]
    fn text_is_not_flagged() {
        for text in [
            &b"Headline\n\n11 October, 2020 | x\n\nBody."[..],
            b"{\"text\": \"Xi met Kim.\"}\n",
            b"BZh is not bzip2 without a block size",
            b"Caf\xe9 au lait, Latin-1 but text",
            b"PK is a name",
        ] {
            assert_eq!(
                reason("a.txt", text),
                None,
                "{}",
                String::from_utf8_lossy(text)
            );
        }
    }
}
