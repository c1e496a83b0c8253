// The CLI module of Tandem (see DESIGN.md for its place in the architecture).
