//! coverage-explorer: the page.
