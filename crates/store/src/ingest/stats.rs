//! What ingesting did: the counts of a batch and the records skipped or repaired, with reasons.
//! Reported to the user; nothing here touches the database.

use serde::Serialize;

/// A record that was skipped (or repaired) with the reason, naming where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// `file:line` of the article.
    pub origin: String,
    pub message: String,
}

/// What one or more batches did.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct IngestStats {
    /// Articles handed to the store.
    pub articles_seen: usize,
    /// Articles stored now.
    pub articles_stored: usize,
    /// Articles skipped because the same text or URL is already stored.
    pub already_stored: usize,
    /// Stored articles linked to an earlier copy of the same story.
    pub near_duplicates: usize,
    /// New event rows.
    pub events_created: usize,
    /// Mentions that landed on an event row that already existed.
    pub events_mentioned_again: usize,
    /// Mentions stored (one per event, article and sentence).
    pub mentions_added: usize,
    /// Negated events ("did not attack"), which are not stored.
    pub negated_skipped: usize,
    /// Events or articles skipped or repaired, with the reason.
    pub problems: Vec<Problem>,
}

impl IngestStats {
    /// Adds another batch's numbers to these.
    pub fn add(&mut self, other: IngestStats) {
        self.articles_seen += other.articles_seen;
        self.articles_stored += other.articles_stored;
        self.already_stored += other.already_stored;
        self.near_duplicates += other.near_duplicates;
        self.events_created += other.events_created;
        self.events_mentioned_again += other.events_mentioned_again;
        self.mentions_added += other.mentions_added;
        self.negated_skipped += other.negated_skipped;
        self.problems.extend(other.problems);
    }
}
