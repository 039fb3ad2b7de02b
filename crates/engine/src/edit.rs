//! A user's edits to the actor dictionary, as values: add an actor, give an actor another name,
//! merge two actors. The page makes and keeps them and its reading worker applies them
//! (`reader::edit` writes them into `actors.toml`); nothing here reads or writes TOML.

use crate::model::ActorKind;
use serde::{Deserialize, Serialize};

/// One change to `actors.toml`. Actors are named by their dictionary id.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(tag = "edit", rename_all = "kebab-case")]
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
