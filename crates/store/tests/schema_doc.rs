//! `docs/schema.md` holds the schema table generated from `tidings_store::columns`; this fails
//! when the two differ. `UPDATE_SCHEMA_DOC=1` rewrites the table instead.

use std::path::PathBuf;

const BEGIN: &str = "<!-- schema-table:begin -->\n";
const END: &str = "<!-- schema-table:end -->";

#[test]
fn schema_doc_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let start = doc.find(BEGIN).expect("begin marker") + BEGIN.len();
    let end = doc.find(END).expect("end marker");
    let table = tidings_store::columns::markdown_table();
    if std::env::var_os("UPDATE_SCHEMA_DOC").is_some() {
        let updated = format!("{}{table}{}", &doc[..start], &doc[end..]);
        std::fs::write(&path, updated).unwrap();
        return;
    }
    assert_eq!(
        doc[start..end],
        table,
        "docs/schema.md is out of date: run UPDATE_SCHEMA_DOC=1 cargo test -p tidings-store --test schema_doc"
    );
}
