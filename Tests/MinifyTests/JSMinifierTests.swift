import Minify
import Testing

@Suite struct JSMinifierTests {
    @Test(arguments: [
        ("let a = 1\nlet b = 2", "let a=1\nlet b=2"),
        ("function f() {\n  return\n  x\n}", "function f(){return\nx}"),
        ("a\n++b", "a\n++b"),
        ("a++\nb", "a++\nb"),
        ("const x = {}\n[1].map(f)", "const x={}\n[1].map(f)"),
        ("a = b\n(c)", "a=b\n(c)"),
        ("a = b\n`t`", "a=b\n`t`"),
        ("x = 1\n-y", "x=1\n-y"),
        ("throw\nerror", "throw\nerror"),
        ("for (;;) {\n  break\n  label\n}", "for(;;){break\nlabel}"),
        ("const f = async\nx => x", "const f=async\nx=>x"),
        ("a = [\n  1,\n  2\n]", "a=[1,2]"),
        ("a\n  .b()\n  .c()", "a.b().c()"),
        ("x = a\n  ? b\n  : c", "x=a?b:c"),
        ("if (a &&\n  b ||\n  c) {\n  go()\n}\n", "if(a&&b||c){go()}"),
        ("a = 1 /* one\ntwo */ b = 2", "a=1\nb=2"),
        ("a = 1 // x\nb = 2", "a=1\nb=2"),
        ("let a = 1\r\nlet b = 2\r\n", "let a=1\nlet b=2"),
    ])
    func lineBreaksAndASI(source: String, expected: String) {
        #expect(Minify.javaScript(source) == expected)
    }

    @Test(arguments: [
        ("a + +b", "a+ +b"),
        ("a - -b", "a- -b"),
        ("a+ ++b", "a+ ++b"),
        ("a++ + b", "a++ +b"),
        ("a - --b", "a- --b"),
        ("a < !--b", "a< !--b"),
        ("a-- > b", "a-- >b"),
        ("1 .toString()", "1 .toString()"),
        ("1..toString()", "1..toString()"),
        ("1.5 .toFixed(1)", "1.5.toFixed(1)"),
        ("0xff .toString()", "0xff.toString()"),
        ("a?.b ?? c", "a?.b??c"),
        ("a ? .5 : 1", "a?.5:1"),
        ("x ??= y?.[0]", "x??=y?.[0]"),
        ("async () => {}", "async()=>{}"),
        ("class A extends B {}", "class A extends B{}"),
        ("class A { #x = 1; has(o) { return #x in o } }", "class A{#x=1;has(o){return #x in o}}"),
        ("const { a, ...rest } = obj", "const{a,...rest}=obj"),
        ("x >>>= 2 ** -y", "x>>>=2**-y"),
        ("typeof x === 'string'", "typeof x==='string'"),
        ("let æøå = \"æøå\"; æøå += 'ÆØÅ'", "let æøå=\"æøå\";æøå+='ÆØÅ'"),
        ("a\u{00A0}=\u{00A0}b", "a=b"),
    ])
    func spacesBetweenTokens(source: String, expected: String) {
        #expect(Minify.javaScript(source) == expected)
    }

    @Test(arguments: [
        ("a / b / c", "a/b/c"),
        ("x = /ab+c/gi.test(s)", "x=/ab+c/gi.test(s)"),
        ("return /x/.test(y)", "return/x/.test(y)"),
        ("(a) / 2", "(a)/2"),
        ("[/a/, /b/]", "[/a/,/b/]"),
        ("s.split(/[/]/)", "s.split(/[/]/)"),
        ("x = /[/ ]\\/ /", "x=/[/ ]\\/ /"),
        ("a[0] / b", "a[0]/b"),
        ("a / /re/.exec(s)[0]", "a/ /re/.exec(s)[0]"),
        ("x = /re/ / 2", "x=/re/ /2"),
        ("/re/g instanceof RegExp", "/re/g instanceof RegExp"),
        ("f(/re/ in o)", "f(/re/ in o)"),
        ("x = a.return / 2 / b", "x=a.return/2/b"),
        ("i++ / 2", "i++/2"),
        ("typeof /x/", "typeof/x/"),
        ("a /= 2", "a/=2"),
        ("x = `${a}` / 2", "x=`${a}`/2"),
        // After the head of if, while, for or with a statement begins: a regex, spaces and all.
        ("if (x) / a b/.test(y)", "if(x)/ a b/.test(y)"),
        ("while (f(a)) / x /g.exec(s)", "while(f(a))/ x /g.exec(s)"),
        ("for (;;) / a /.test(b)", "for(;;)/ a /.test(b)"),
        ("if (x) y = (a) / 2 / b", "if(x)y=(a)/2/b"),
        ("o.if (a) / 2", "o.if(a)/2"),
    ])
    func divisionAndRegex(source: String, expected: String) {
        #expect(Minify.javaScript(source) == expected)
    }

    @Test(arguments: [
        ("x = `a ${ `b ${ c } d` } e`", "x=`a ${`b ${c} d`} e`"),
        ("x = `// not a comment /* nor this */ ${ y }`", "x=`// not a comment /* nor this */ ${y}`"),
        ("x = `line one\n  line two`", "x=`line one\n  line two`"),
        ("x = `${ { a: 1 }.a } and ${ f({ b: `${ 2 }` }) }`", "x=`${{a:1}.a} and ${f({b:`${2}`})}`"),
        ("x = `\\${ not a substitution }`", "x=`\\${ not a substitution }`"),
        ("return `a`", "return`a`"),
        ("tag `x`", "tag`x`"),
        ("s = '// no comment'; t = \"/* no comment */\"", "s='// no comment';t=\"/* no comment */\""),
        ("s = 'it\\'s  \\\n  continued'", "s='it\\'s  \\\n  continued'"),
    ])
    func templatesAndStrings(source: String, expected: String) {
        #expect(Minify.javaScript(source) == expected)
    }

    @Test(arguments: [
        ("// start\n/* more */\nlet a = 1 // end", "let a=1"),
        ("let a = 1 /* end */", "let a=1"),
        ("/*! license */\n\"use strict\";", "/*! license */\n\"use strict\";"),
        ("a = 1 /*! kept */ + 2", "a=1/*! kept */+2"),
        ("a = b / /*! kept */ c", "a=b/ /*! kept */c"),
        ("a = 1\n/*! kept */ b = 2", "a=1\n/*! kept */b=2"),
        ("#!/usr/bin/env node\nlet a = 1", "#!/usr/bin/env node\nlet a=1"),
        ("x = 1 // unterminated comment at end", "x=1"),
        ("", ""),
        ("  \n  ", ""),
    ])
    func comments(source: String, expected: String) {
        #expect(Minify.javaScript(source) == expected)
    }

    @Test func classicScript() {
        let source = """
            (function () {
              "use strict";
              // Counts the clicks.
              const counter = { count: 0 };
              document.addEventListener("click", async (event) => {
                counter.count += 1;
                if (event.target?.matches?.(".a, .b")) await save(counter);
              });
            })();

            """
        let expected = """
            (function(){"use strict";const counter={count:0};document.addEventListener("click",async(event)=>{counter.count+=1;\
            if(event.target?.matches?.(".a, .b"))await save(counter);});})();
            """
        #expect(Minify.javaScript(source) == expected)
    }

    @Test(arguments: [
        "let a=1\nlet b=2",
        "(function(){\"use strict\";const x=`a ${`b ${c}`}`;return/x/.test(y)})();",
        "a+ +b;c- -d;x=1 .toString()",
    ])
    func alreadyMinifiedInputIsUnchanged(source: String) {
        #expect(Minify.javaScript(source) == source)
    }
}
