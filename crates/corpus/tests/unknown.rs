//! The names outside the dictionary come out the same whether counted over read articles (the
//! CLI) or over the bundle written from them (the page's worker).

use corpus::Corpus;
use coverage_core::bundle::Bundle;
use coverage_core::model::Article;
use coverage_core::unknown::{Tally, in_bundle};
use reader::Knowledge;

/// The page lists names from its bundle, the CLI from read articles: the same names.
#[test]
fn a_bundle_gives_the_names_its_articles_give() {
    let knowledge = Knowledge::from_sources(
        "[[actor]]\nid = \"russia\"\nname = \"Russia\"\nkind = \"country\"\n",
        "",
        "",
    )
    .unwrap();
    let pages: [&[u8]; 2] = [
        b"Envoy meets Moscow officials\n\nNorth Korean envoy Pak Song Ryol told reporters in Russia that talks went well. Pak Song Ryol said more would follow.",
        b"Forum closes\n\nDeputy Minister Oleg Varenko said Russia would host Pak Song Ryol again.",
    ];
    let articles: Vec<Article> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| knowledge.read_article(&format!("{i}.txt"), p))
        .collect();
    let corpus = Corpus::assemble(articles);
    let mut from_articles = Tally::default();
    corpus
        .articles
        .iter()
        .for_each(|a| from_articles.add_article(a));
    let (index, texts) = corpus::bundle::parts(
        &corpus,
        &knowledge.profiles,
        coverage_core::bundle::BuildInfo::default(),
    );
    let bundle = Bundle::decode(&Bundle::encode(&index, &texts)).unwrap();
    let listed = from_articles.finish(1);
    assert!(listed.iter().any(|n| n.id == "pak-song-ryol"), "{listed:?}");
    assert_eq!(listed, in_bundle(&bundle, 1).unwrap());
}
