fn main() {
    coverage_explorer::mount();
}
