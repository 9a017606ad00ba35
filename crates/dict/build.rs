//! Embeds every file under the repository's `dictionaries/` folder into the library, so a fresh
//! install needs no dictionary files on disk.
use std::{env, fs, path::Path};

fn collect(dir: &Path, base: &Path, out: &mut Vec<String>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            println!("cargo:rerun-if-changed={}", p.display());
            collect(&p, base, out);
        } else if p.extension().is_some_and(|e| e == "txt") {
            // a directory's time changes when a file is added or removed, not when one is edited
            println!("cargo:rerun-if-changed={}", p.display());
            out.push(
                p.strip_prefix(base)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/"),
            );
        }
    }
}

fn main() {
    let manifest = env::var("CARGO_MANIFEST_DIR").unwrap();
    let dir = Path::new(&manifest)
        .join("../../dictionaries")
        .canonicalize()
        .expect("dictionaries folder");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    collect(&dir, &dir, &mut files);
    for f in &files {
        println!("cargo:rerun-if-changed={}", dir.join(f).display());
    }
    let mut code = String::from("/// The built-in dictionary files: (path relative to `dictionaries/`, contents).\npub static BUILTIN_FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        code.push_str(&format!(
            "    ({:?}, include_str!({:?})),\n",
            f,
            dir.join(f).display().to_string()
        ));
    }
    code.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("builtin_files.rs"),
        code,
    )
    .unwrap();
}
