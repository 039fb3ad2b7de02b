//! A user's edits to the actor dictionary, as values: add an actor, give an actor another name,
//! merge two actors. The page makes and keeps them and its reading worker applies them
//! (`intake::edit` writes them into `actors.toml`); nothing here reads or writes TOML.

use crate::model::ActorKind;
use serde::{Deserialize, Serialize};

/// One change to `actors.toml`. Actors are named by their dictionary id.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// A new actor; its id is made from its name as the reader makes ids of names it finds.
    AddActor {
        name: String,
        kind: ActorKind,
        /// A person's family name as printed alone (persons need one).
        #[serde(default)]
        surname: Option<String>,
        /// Other names it is printed under.
        #[serde(default)]
        aliases: Vec<String>,
    },
    /// Another name the dictionary's actor `actor` is printed under.
    AddAlias { actor: String, alias: String },
    /// Actor `from` is actor `into`: its names become `into`'s, and what named `from` (a
    /// country, a membership, a role's holder) names `into`.
    Merge { from: String, into: String },
}

/// Edits as bytes (postcard, as the bundle is written), to keep them and to hand them to the
/// reading worker.
pub fn encode(edits: &[Edit]) -> Vec<u8> {
    postcard::to_allocvec(edits).expect("edits serialise")
}

/// Edits from `encode`'s bytes; an error for bytes it did not write.
pub fn decode(bytes: &[u8]) -> Result<Vec<Edit>, String> {
    postcard::from_bytes(bytes).map_err(|e| format!("the dictionary edits are damaged ({e})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_read_back_as_written() {
        let edits = vec![
            Edit::AddActor {
                name: "Pak Tae Sung".into(),
                kind: ActorKind::Person,
                surname: Some("Pak".into()),
                aliases: vec!["Envoy Pak".into()],
            },
            Edit::AddAlias {
                actor: "russia".into(),
                alias: "Rossiya".into(),
            },
            Edit::Merge {
                from: "a".into(),
                into: "b".into(),
            },
        ];
        assert_eq!(decode(&encode(&edits)), Ok(edits));
        assert!(decode(&[9, 9, 9]).is_err());
    }
}
