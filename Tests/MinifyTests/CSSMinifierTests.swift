import Minify
import Testing

@Suite struct CSSMinifierTests {
    @Test(arguments: [
        // Descendant pseudo-classes keep their space; `:` drops only the space after it.
        (".a :focus-visible { outline: 2px solid red; }", ".a :focus-visible{outline:2px solid red}"),
        ("a:hover ,\n b > .c { color: red }", "a:hover,b>.c{color:red}"),
        (".a ~ .b + .c * { }", ".a ~ .b + .c *{}"),
        ("@page :first { margin: 0 }", "@page :first{margin:0}"),
        (
            "@media (min-width: 76rem) and (max-width: 80rem) {\n  .a { width: calc(100% - 2rem); }\n}",
            "@media (min-width:76rem) and (max-width:80rem){.a{width:calc(100% - 2rem)}}"
        ),
        ("a { margin: calc( 1px + 2px ) auto }", "a{margin:calc( 1px + 2px ) auto}"),
        ("a { color: red !important; }", "a{color:red !important}"),
        (":root {\n  --x: 1px;\n  --y: calc(var(--x) * 2);\n}", ":root{--x:1px;--y:calc(var(--x) * 2)}"),
        ("a { b: 1;; }", "a{b:1;}"),
    ])
    func whitespace(source: String, expected: String) {
        #expect(Minify.css(source) == expected)
    }

    @Test(arguments: [
        ("a::before { content: \"/* not a comment */\"; }", "a::before{content:\"/* not a comment */\"}"),
        ("a { content: ';{ }'; }", "a{content:';{ }'}"),
        ("q::before { content: \"\\201C\"; }", "q::before{content:\"\\201C\"}"),
        ("a { content: \"it\\\"s  ;\" }", "a{content:\"it\\\"s  ;\"}"),
        ("a { content: 'line\\\ncontinued' }", "a{content:'line\\\ncontinued'}"),
        (
            "a { background: url( data:image/png;base64,ab//cd ) no-repeat; }",
            "a{background:url( data:image/png;base64,ab//cd ) no-repeat}"
        ),
        ("a { background: URL(/*x*/a.png) }", "a{background:URL(/*x*/a.png)}"),
        ("a { background: url(\"a b.png\") }", "a{background:url(\"a b.png\")}"),
        (".a\\:b .c { }", ".a\\:b .c{}"),
        (".\\31 0 { }", ".\\31 0{}"),
        ("a\\{ b { }", "a\\{ b{}"),
    ])
    func stringsEscapesAndURLs(source: String, expected: String) {
        #expect(Minify.css(source) == expected)
    }

    @Test(arguments: [
        ("/* head */ a /* x */ { /* y */ color/* z */: red /* w */ ; } /* tail */", "a{color:red}"),
        ("a{}/* x */b{}", "a{}b{}"),
        (".a/**/.b { }", ".a.b{}"),
        ("a { margin: 1px/**/-2px }", "a{margin:1px/**/-2px}"),
        ("/*! keep me */\na { }", "/*! keep me */ a{}"),
        ("a { color: red; /*! kept */ }", "a{color:red;/*! kept */}"),
        ("a { color: red } /* unterminated", "a{color:red}"),
    ])
    func comments(source: String, expected: String) {
        #expect(Minify.css(source) == expected)
    }

    @Test func lineEndingsAndEdges() {
        #expect(Minify.css("a {\r\n  color: red;\r\n}\r\n") == "a{color:red}")
        #expect(Minify.css("") == "")
        #expect(Minify.css(" \n\t ") == "")
        #expect(Minify.css("/* only a comment */") == "")
        #expect(Minify.css("a::after { content: \"æøå\" } .æ { }") == "a::after{content:\"æøå\"}.æ{}")
    }

    @Test(arguments: [
        "a{color:red}@media (min-width:1px){.b :hover{margin:0 auto}}",
        ".a :focus-visible,.b>.c{width:calc(100% - 2rem);--x:1px}",
        "/*! license */ a{background:url(a.png) no-repeat;content:\"\\201C\"}",
    ])
    func alreadyMinifiedInputIsUnchanged(source: String) {
        #expect(Minify.css(source) == source)
    }

    @Test(arguments: [
        "/* c */ .a :hover , b > c { margin : 0 auto ; }\n\n@media (min-width: 76rem) { a { b: c } }",
        "a/**/b { margin: 1px/**/-2px; } .\\31  0 { content: ';' }",
        "/*! x */\n/*! y */ a { }",
    ])
    func minificationIsIdempotent(source: String) {
        let once = Minify.css(source)
        #expect(Minify.css(once) == once)
    }
}
