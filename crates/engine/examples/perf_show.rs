use engine::Knowledge;
use engine::synth::{SynthConfig, generate};
fn main() {
    let n: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let read = |p: &str| std::fs::read_to_string(format!("/work/main/corpus/{p}")).unwrap();
    let k = Knowledge::from_sources(
        &read("actors.toml"),
        &read("outlets.toml"),
        &read("sources.toml"),
    )
    .unwrap();
    let p = generate(
        &k,
        SynthConfig {
            articles: n,
            seed: 2024,
        },
    )
    .unwrap()
    .last()
    .unwrap();
    println!("{}", String::from_utf8_lossy(&p.bytes));
}
