//! Prints the parse of each sentence given as an argument (or read one a line from stdin), as
//! one `index word tag head label` row per word.
//!
//! `cargo run --release -p tidings-parser --example show -- "China criticized Japan."`

use std::io::BufRead;
use tidings_dict::words::Words;
use tidings_parser::Parser;
use tidings_tagger::Tagger;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lines: Vec<String> = if args.is_empty() {
        std::io::stdin()
            .lock()
            .lines()
            .map_while(Result::ok)
            .collect()
    } else {
        args
    };
    let mut tags = Vec::new();
    for line in lines {
        let words = Words::new(&line);
        Tagger::builtin().tag_detailed(&words, &mut tags);
        let parse = Parser::builtin().parse(&words, &tags);
        println!("# {line}");
        for (i, tag) in tags.iter().enumerate() {
            let head = parse.head(i);
            println!(
                "{i}\t{}\t{}\t{}\t{}\t{}",
                words.norm(i),
                tag,
                head.map_or("-".to_string(), |h| h.to_string()),
                head.map_or("ROOT", |h| words.norm(h)),
                parse.label(i)
            );
        }
        println!();
    }
}
