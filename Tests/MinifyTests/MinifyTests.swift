import Minify
import Testing

@Suite struct MinifyTests {}
