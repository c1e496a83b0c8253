/// Makes CSS and JavaScript smaller without changing what they mean.
public enum Minify {}
