//! Prints the dependency parse of a sentence and the events coded from it with and without the
//! parse checks: `cargo run -p tidings-coder --example parse_sentence -- "China criticized Japan."`

use tidings_coder::{CodeOptions, Coder};
use tidings_dict::words::Words;
use tidings_dict::Dictionaries;
use tidings_parser::Parser;

fn main() {
    let text = std::env::args()
        .nth(1)
        .expect("usage: parse_sentence SENTENCE");
    let words = Words::new(&text);
    let parse = Parser::builtin().parse_words(&words);
    for i in 0..words.len() {
        let head = parse
            .head(i)
            .map_or("ROOT".to_string(), |h| format!("{h} {}", words.norm(h)));
        println!(
            "{i:3} {:15} {:10} <- {head}",
            words.norm(i),
            parse.label(i).as_str()
        );
    }
    for checks in [false, true] {
        let coder = Coder::new(Dictionaries::builtin()).with_syntax_checks(checks);
        println!("-- syntax checks {checks}");
        for e in coder.code_text(&text, None, &CodeOptions::default()) {
            let target = e.target.as_ref().map_or("-", |t| t.code.as_str());
            println!("{} -> {} {}", e.source.code, target, e.cameo);
        }
    }
}
