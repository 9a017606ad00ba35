//! The part-of-speech tags and dependency parse of a whole sentence, computed into buffers reused
//! from sentence to sentence, for the checks of [`crate::structure`] and the event model.

use std::cell::RefCell;
use tidings_dict::words::Words;
use tidings_parser::{Parse, Parser};
use tidings_tagger::{Tag, Tagger};

thread_local! {
    static BUFFERS: RefCell<(Vec<Tag>, Parse)> = RefCell::new((Vec::new(), Parse::default()));
}

/// Tags and parses `words` (one sentence) and hands the parse to `f`.
pub fn with_parse<R>(words: &Words, f: impl FnOnce(&Parse) -> R) -> R {
    with_tagged_parse(words, |_, parse| f(parse))
}

/// Tags and parses `words` (one sentence) and hands the tags and the parse to `f`.
pub fn with_tagged_parse<R>(words: &Words, f: impl FnOnce(&[Tag], &Parse) -> R) -> R {
    BUFFERS.with(|cell| {
        let (tags, parse) = &mut *cell.borrow_mut();
        Tagger::builtin().tag_detailed(words, tags);
        Parser::builtin().parse_span(words, tags, 0..words.len(), parse);
        f(tags, parse)
    })
}
