//! Recognition and resolution of names: dictionary matches, names found by
//! the rules of English news, and resolution of short forms within an article.

use super::{Entity, Gazetteer, Mention, Sentence};

/// Finds every person, organization and base the article names.
pub fn recognize(_body: &str, _sentences: &[Sentence], _gazetteer: &Gazetteer) -> (Vec<Entity>, Vec<Mention>) {
    (Vec::new(), Vec::new())
}

/// A spelling-folded key on which variants of one name meet across articles
/// (Yehia/Yahya, Basem/Basim, Muhsin/Mohsen).
pub fn name_key(name: &str) -> String {
    name.to_lowercase()
}
