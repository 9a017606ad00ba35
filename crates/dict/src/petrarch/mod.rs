//! Readers for PETRARCH-2 and TABARI dictionary files, converting them into tidings' dictionaries.
//! (Being written.)
