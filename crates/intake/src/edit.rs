//! A user's dictionary edits (`coverage_core::edit::Edit`) written into `actors.toml` text: the file a
//! CLI build reads and the page's worker reads added pages with. The text keeps its comments and
//! layout (`toml_edit`); the result is checked by the engine's own dictionary loader, so an edit
//! that would make a file the CLI refuses is refused here, with the loader's reason.
//!
//! ```
//! use coverage_core::edit::Edit;
//! let base = "[[actor]]\nid = \"russia\"\nname = \"Russia\"\nkind = \"country\"\n";
//! let edited = intake::edit::apply(base, &[Edit::AddAlias {
//!     actor: "russia".into(),
//!     alias: "Russian Federation".into(),
//! }])
//! .unwrap();
//! assert!(edited.contains("aliases = [\"Russian Federation\"]"));
//! ```

use coverage_core::edit::Edit;
use coverage_core::model::ActorKind;
use reader::dictionary::Dictionary;
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

/// The lists of spellings an actor carries; a merge moves each into the same list.
const SPELLING_LISTS: [&str; 7] = [
    "aliases",
    "short",
    "acronyms",
    "hangul",
    "hangul_short",
    "metonyms",
    "demonyms",
];

/// `base` (an `actors.toml`) with `edits` applied in order. Fails with a sentence naming the
/// edit when one cannot be applied or the edited file is not a valid dictionary.
pub fn apply(base: &str, edits: &[Edit]) -> Result<String, String> {
    let mut doc: DocumentMut = base
        .parse()
        .map_err(|e| format!("actors.toml is not TOML: {e}"))?;
    for edit in edits {
        apply_one(&mut doc, edit).map_err(|why| format!("{}: {why}", describe(edit)))?;
    }
    let text = doc.to_string();
    Dictionary::from_toml("actors.toml", &text).map_err(|e| match edits.last() {
        Some(last) => format!("{}: {e}", describe(last)),
        None => e.to_string(),
    })?;
    Ok(text)
}

/// An edit in a few words, as the page lists it and errors name it.
pub fn describe(edit: &Edit) -> String {
    match edit {
        Edit::AddActor { name, kind, .. } => format!("add {name:?} ({})", kind.as_str()),
        Edit::AddAlias { actor, alias } => format!("add {alias:?} as a name of {actor}"),
        Edit::Merge { from, into } => format!("merge {from} into {into}"),
    }
}

fn apply_one(doc: &mut DocumentMut, edit: &Edit) -> Result<(), String> {
    match edit {
        Edit::AddActor {
            name,
            kind,
            surname,
            aliases,
        } => add_actor(doc, name, *kind, surname.as_deref(), aliases),
        Edit::AddAlias { actor, alias } => {
            let table = find(actors(doc)?, actor)?;
            add_spelling(table, "aliases", alias)
        }
        Edit::Merge { from, into } => merge(doc, from, into),
    }
}

fn actors(doc: &mut DocumentMut) -> Result<&mut ArrayOfTables, String> {
    doc.entry("actor")
        .or_insert(Item::ArrayOfTables(ArrayOfTables::new()))
        .as_array_of_tables_mut()
        .ok_or_else(|| "actors.toml's `actor` is not a list of [[actor]] tables".to_string())
}

fn id_of(table: &Table) -> Option<&str> {
    table.get("id").and_then(Item::as_str)
}

fn position(list: &ArrayOfTables, id: &str) -> Option<usize> {
    list.iter().position(|t| id_of(t) == Some(id))
}

fn find<'a>(list: &'a mut ArrayOfTables, id: &str) -> Result<&'a mut Table, String> {
    let i = position(list, id).ok_or_else(|| format!("the dictionary has no actor {id:?}"))?;
    list.get_mut(i)
        .ok_or_else(|| format!("the dictionary has no actor {id:?}"))
}

fn add_actor(
    doc: &mut DocumentMut,
    name: &str,
    kind: ActorKind,
    surname: Option<&str>,
    aliases: &[String],
) -> Result<(), String> {
    let name = name.trim();
    if name.is_empty() {
        return Err("the name is empty".into());
    }
    let id = reader::names::slug(name);
    let list = actors(doc)?;
    if position(list, &id).is_some() {
        return Err(format!(
            "the dictionary has an actor with the id {id:?} already"
        ));
    }
    let mut table = Table::new();
    table.insert("id", toml_edit::value(id.as_str()));
    table.insert("name", toml_edit::value(name));
    table.insert("kind", toml_edit::value(kind.as_str()));
    if kind == ActorKind::Person {
        let surname = surname.map(str::trim).filter(|s| !s.is_empty()).ok_or(
            "a person needs a surname: the family name as printed alone (\"Kim\", \"Putin\")",
        )?;
        table.insert("surname", toml_edit::value(surname));
    }
    table.decor_mut().set_prefix("\n# Added in the page.\n");
    for alias in aliases {
        add_spelling(&mut table, "aliases", alias)?;
    }
    list.push(table);
    Ok(())
}

/// Adds `spelling` to the list `field` of an actor, unless the actor has it already.
fn add_spelling(table: &mut Table, field: &str, spelling: &str) -> Result<(), String> {
    let spelling = spelling.trim();
    if spelling.is_empty() {
        return Err("the name is empty".into());
    }
    if spellings(table).any(|s| s.eq_ignore_ascii_case(spelling)) {
        return Err(format!(
            "{spelling:?} is a name of {} already",
            id_of(table).unwrap_or("that actor")
        ));
    }
    list_mut(table, field)?.push(spelling);
    Ok(())
}

/// Every name and spelling an actor is listed under.
fn spellings(table: &Table) -> impl Iterator<Item = &str> {
    let name = table.get("name").and_then(Item::as_str);
    let lists = SPELLING_LISTS.iter().flat_map(|f| {
        table
            .get(f)
            .and_then(Item::as_array)
            .into_iter()
            .flat_map(|a| a.iter().filter_map(Value::as_str))
    });
    name.into_iter().chain(lists)
}

fn list_mut<'a>(table: &'a mut Table, field: &str) -> Result<&'a mut Array, String> {
    table
        .entry(field)
        .or_insert(toml_edit::value(Array::new()))
        .as_array_mut()
        .ok_or_else(|| format!("`{field}` is not a list"))
}

fn kind_of(table: &Table) -> &str {
    table.get("kind").and_then(Item::as_str).unwrap_or("")
}

fn merge(doc: &mut DocumentMut, from: &str, into: &str) -> Result<(), String> {
    if from == into {
        return Err("an actor cannot be merged into itself".into());
    }
    let list = actors(doc)?;
    let gone = list
        .get(position(list, from).ok_or_else(|| format!("the dictionary has no actor {from:?}"))?)
        .cloned()
        .ok_or_else(|| format!("the dictionary has no actor {from:?}"))?;
    let target = find(list, into)?;
    if kind_of(&gone) != kind_of(target) {
        return Err(format!(
            "{from} is a {} and {into} a {}; only actors of one kind can be merged",
            kind_of(&gone),
            kind_of(target)
        ));
    }
    // Its name and every spelling it had, each into the same list, once.
    let name = gone.get("name").and_then(Item::as_str);
    let moved = name
        .map(|n| ("aliases", n))
        .into_iter()
        .chain(SPELLING_LISTS.iter().flat_map(|&f| {
            gone.get(f)
                .and_then(Item::as_array)
                .into_iter()
                .flat_map(move |a| a.iter().filter_map(Value::as_str).map(move |s| (f, s)))
        }));
    for (field, spelling) in moved {
        if !spellings(target).any(|s| s.eq_ignore_ascii_case(spelling)) {
            list_mut(target, field)?.push(spelling);
        }
    }
    if !target.contains_key("country")
        && let Some(country) = gone.get("country")
    {
        target.insert("country", country.clone());
    }
    let i = position(list, from).ok_or_else(|| format!("the dictionary has no actor {from:?}"))?;
    list.remove(i);
    // What named the merged actor names the one it became.
    for table in list.iter_mut() {
        let own = id_of(table) == Some(into);
        if table.get("country").and_then(Item::as_str) == Some(from) {
            table.insert("country", toml_edit::value(into));
        }
        if let Some(members) = table.get_mut("member_of").and_then(Item::as_array_mut) {
            rename_in(members, from, into, own);
        }
    }
    if let Some(roles) = doc.get_mut("role").and_then(Item::as_array_of_tables_mut) {
        for role in roles.iter_mut() {
            let holders = role
                .get_mut("holders")
                .and_then(Item::as_array_mut)
                .into_iter()
                .flat_map(|a| a.iter_mut());
            for holder in holders {
                if let Some(h) = holder.as_inline_table_mut()
                    && h.get("actor").and_then(Value::as_str) == Some(from)
                {
                    h.insert("actor", into.into());
                }
            }
        }
    }
    Ok(())
}

/// `from` becomes `into` in a list of ids, once; an actor's own id leaves its own list.
fn rename_in(list: &mut Array, from: &str, into: &str, own: bool) {
    let had = list.iter().any(|v| v.as_str() == Some(from));
    if !had {
        return;
    }
    let has_into = list.iter().any(|v| v.as_str() == Some(into));
    list.retain(|v| v.as_str() != Some(from));
    if !has_into && !own {
        list.push(into);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use reader::dictionary::ActorEntry;

    fn entries(text: &str) -> Vec<ActorEntry> {
        Dictionary::from_toml("actors.toml", text)
            .unwrap_or_else(|e| panic!("{e}\n{text}"))
            .actors
    }

    fn entry<'a>(list: &'a [ActorEntry], id: &str) -> &'a ActorEntry {
        list.iter()
            .find(|a| a.id == id)
            .unwrap_or_else(|| panic!("no {id}"))
    }

    fn add_pak() -> Edit {
        Edit::AddActor {
            name: "Pak Song Ryol".into(),
            kind: ActorKind::Person,
            surname: Some("Pak".into()),
            aliases: vec!["Pak Song-ryol".into(), "Envoy Pak".into()],
        }
    }

    /// The exported file, read back by the engine's loader, has the shipped actors as they
    /// were and each edit's change, nothing more.
    #[test]
    fn an_edited_dictionary_reads_back_with_the_edits_and_nothing_else() {
        let base = crate::BUILTIN_ACTORS;
        let before = entries(base);
        let edits = [
            add_pak(),
            Edit::AddAlias {
                actor: "russia".into(),
                alias: "Rossiya".into(),
            },
            Edit::Merge {
                from: "pak-song-ryol".into(),
                into: "kim-jong-un".into(),
            },
        ];
        let after = entries(&apply(base, &edits[..2]).unwrap());
        assert_eq!(after.len(), before.len() + 1);
        let pak = entry(&after, "pak-song-ryol");
        assert_eq!(
            (pak.name.as_str(), pak.kind, pak.surname.as_deref()),
            ("Pak Song Ryol", ActorKind::Person, Some("Pak"))
        );
        assert_eq!(pak.aliases, ["Pak Song-ryol", "Envoy Pak"]);
        let russia = entry(&after, "russia");
        assert_eq!(russia.aliases.last().map(String::as_str), Some("Rossiya"));
        for old in &before {
            if old.id != "russia" {
                assert_eq!(entry(&after, &old.id), old);
            }
        }

        let merged = entries(&apply(base, &edits).unwrap());
        assert_eq!(merged.len(), before.len());
        assert!(merged.iter().all(|a| a.id != "pak-song-ryol"));
        let kim = entry(&merged, "kim-jong-un");
        for name in ["Pak Song Ryol", "Pak Song-ryol", "Envoy Pak"] {
            assert!(kim.aliases.iter().any(|a| a == name), "{name} in {kim:?}");
        }
    }

    #[test]
    fn comments_and_layout_of_the_file_are_kept() {
        let base = crate::BUILTIN_ACTORS;
        let edited = apply(base, &[add_pak()]).unwrap();
        assert!(edited.starts_with(base.lines().next().unwrap()));
        assert!(edited.contains("# Added in the page.\n[[actor]]\nid = \"pak-song-ryol\""));
    }

    #[test]
    fn a_merged_actor_is_named_by_what_named_it() {
        let base = r#"
[[actor]]
id = "ruling-party"
name = "Ruling Party"
kind = "organization"

[[actor]]
id = "the-party"
name = "The Party"
kind = "organization"

[[actor]]
id = "leader"
name = "Lee Leader"
kind = "person"
surname = "Lee"
member_of = ["the-party"]

[[role]]
phrases = ["the party chief"]
holders = [{ actor = "leader", from = "2020-01-01" }]
"#;
        let edited = apply(
            base,
            &[Edit::Merge {
                from: "the-party".into(),
                into: "ruling-party".into(),
            }],
        )
        .unwrap();
        let list = entries(&edited);
        assert_eq!(entry(&list, "leader").member_of, ["ruling-party"]);
        assert_eq!(entry(&list, "ruling-party").aliases, ["The Party"]);
    }

    #[test]
    fn an_actor_already_there_is_refused() {
        let err = apply(
            crate::BUILTIN_ACTORS,
            &[Edit::AddActor {
                name: "Russia".into(),
                kind: ActorKind::Country,
                surname: None,
                aliases: vec![],
            }],
        )
        .unwrap_err();
        assert!(err.contains("\"russia\" already"), "{err}");
    }

    #[test]
    fn a_person_without_a_surname_is_refused() {
        let err = apply(
            crate::BUILTIN_ACTORS,
            &[Edit::AddActor {
                name: "Pak Song Ryol".into(),
                kind: ActorKind::Person,
                surname: None,
                aliases: vec![],
            }],
        )
        .unwrap_err();
        assert!(err.contains("surname"), "{err}");
    }

    #[test]
    fn a_name_another_actor_has_is_refused_with_the_loaders_reason() {
        let err = apply(
            crate::BUILTIN_ACTORS,
            &[Edit::AddAlias {
                actor: "russia".into(),
                alias: "North Korea".into(),
            }],
        )
        .unwrap_err();
        assert!(
            err.starts_with("add \"North Korea\" as a name of russia: "),
            "{err}"
        );
        assert!(err.contains("shared by"), "{err}");
    }

    #[test]
    fn actors_of_two_kinds_do_not_merge() {
        let err = apply(
            crate::BUILTIN_ACTORS,
            &[Edit::Merge {
                from: "russia".into(),
                into: "kim-jong-un".into(),
            }],
        )
        .unwrap_err();
        assert!(err.contains("one kind"), "{err}");
    }
}
