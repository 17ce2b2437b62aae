//! What a typed dict's source file declares beside it: enough to report a name the macro
//! would generate (`XRequired`) that the same module or block already declares as one
//! error with advice, where rustc would report the clash, then every generated impl that
//! now names the wrong type (six errors for two typed dicts).
//!
//! A macro sees only its own item, so the file is read and lexed (by the compiler's own
//! lexer, through `proc_macro2`), once per file while it is unchanged. The answer only
//! words an error: whenever it is uncertain, it is "not declared" and rustc's errors stand.
//! Uncertain means: not run by the compiler (unit tests); a file that cannot be read or
//! lexed (doctests have none); a struct whose tokens do not come from its file as written,
//! or that stands in another macro's input; a name declared in another macro's input, or
//! under `#[cfg]`; several structs of the same name that the text cannot tell apart. A
//! `use` that binds the name counts, as it clashes in rustc too.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::SystemTime;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// A generated name that is already declared beside the struct.
#[derive(Clone, Debug, PartialEq)]
pub struct Taken {
    /// What declares it.
    pub what: Declaration,
    /// Whether the struct and the name are in a block (a function body), not a module.
    pub in_block: bool,
}

/// Whether `name` is declared, or imported, beside the struct `ident`, in the same module
/// or block of the file as written; `None` whenever that is not certain.
pub fn declared_beside(ident: &syn::Ident, name: &syn::Ident) -> Option<Taken> {
    if !proc_macro::is_available() {
        return None;
    }
    let span = ident.span().unwrap();
    let file = span.local_file()?;
    let index = cached_index(&file)?;
    index.taken(&ident.to_string(), span.line(), &name.to_string())
}

/// What declares a name in the type namespace, where a struct's name lives.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Declaration {
    /// `struct`.
    Struct,
    /// `enum`.
    Enum,
    /// `union`.
    Union,
    /// `trait`.
    Trait,
    /// `type`.
    TypeAlias,
    /// `mod`.
    Module,
    /// A `use` that binds the name.
    Import,
}

impl Declaration {
    /// The item keywords that declare one.
    const BY_KEYWORD: [(&'static str, Declaration); 6] = [
        ("struct", Declaration::Struct),
        ("enum", Declaration::Enum),
        ("union", Declaration::Union),
        ("trait", Declaration::Trait),
        ("type", Declaration::TypeAlias),
        ("mod", Declaration::Module),
    ];

    /// As an error names it: "a struct".
    pub fn described(self) -> &'static str {
        match self {
            Declaration::Struct => "a struct",
            Declaration::Enum => "an enum",
            Declaration::Union => "a union",
            Declaration::Trait => "a trait",
            Declaration::TypeAlias => "a type alias",
            Declaration::Module => "a module",
            Declaration::Import => "an import",
        }
    }
}

/// Where a scope's items live, as the error words it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Scope {
    Module,
    Block,
}

/// The declarations of one file, by scope.
#[derive(Debug)]
struct FileIndex {
    /// The 1-based line of each `struct NAME` the text spells, comments and strings
    /// included, by name, in order.
    written_structs: HashMap<String, Vec<usize>>,
    /// Each scope's kind, by number; scope 0 is the file.
    scopes: Vec<Scope>,
    /// Every `struct NAME` of the file in source order, with its scope (`None` inside
    /// another macro's invocation, whose items land where that macro puts them).
    structs: Vec<(String, Option<usize>)>,
    /// Every type-namespace name declared or imported without `#[cfg]`, with its scope and
    /// what declares it.
    declared: HashMap<String, Vec<(usize, Declaration)>>,
}

impl FileIndex {
    /// The index of `text`, or `None` if it does not lex.
    fn build(text: &str) -> Option<FileIndex> {
        let tokens: TokenStream = without_shebang(text).parse().ok()?;
        let mut index = FileIndex {
            written_structs: written_structs(text),
            scopes: vec![Scope::Module],
            structs: Vec::new(),
            declared: HashMap::new(),
        };
        index.walk(tokens, Some(0));
        Some(index)
    }

    /// Records the declarations of `tokens`, which are the items of `scope` (`None`: the
    /// tokens of a macro invocation, whose structs are counted but placed nowhere).
    fn walk(&mut self, tokens: TokenStream, scope: Option<usize>) {
        let tokens: Vec<TokenTree> = tokens.into_iter().collect();
        for (at, token) in tokens.iter().enumerate() {
            match token {
                TokenTree::Ident(keyword) => {
                    let keyword = keyword.to_string();
                    if keyword == "use" {
                        if let Some(scope) = scope.filter(|_| !under_cfg(&tokens, at)) {
                            let mut bound = Vec::new();
                            // Not a use tree (`impl Sized + use<'a>`): binds nothing.
                            if use_bindings(until_semicolon(&tokens[at + 1..]), &mut bound) {
                                for name in bound {
                                    self.declare(name, scope, Declaration::Import);
                                }
                            }
                        }
                        continue;
                    }
                    let Some(&(_, what)) = Declaration::BY_KEYWORD
                        .iter()
                        .find(|(declaring, _)| *declaring == keyword)
                    else {
                        continue;
                    };
                    let Some(TokenTree::Ident(name)) = tokens.get(at + 1) else {
                        continue;
                    };
                    let name = name.to_string();
                    if what == Declaration::Struct {
                        self.structs.push((name.clone(), scope));
                    }
                    if let Some(scope) = scope.filter(|_| !under_cfg(&tokens, at)) {
                        self.declare(name, scope, what);
                    }
                }
                TokenTree::Group(group) => {
                    let inner = match scope {
                        // An attribute's or a macro invocation's tokens are not items here.
                        Some(_) if is_invocation_or_attribute(&tokens, at) => None,
                        Some(_) if group.delimiter() == Delimiter::Brace => {
                            let kind = match at.checked_sub(2).map(|before| &tokens[before]) {
                                Some(TokenTree::Ident(keyword)) if keyword == "mod" => {
                                    Scope::Module
                                }
                                _ => Scope::Block,
                            };
                            self.scopes.push(kind);
                            Some(self.scopes.len() - 1)
                        }
                        // No item stands directly in parentheses or brackets, but a block
                        // in them (a closure's body) is a scope of its own.
                        other => other,
                    };
                    self.walk(group.stream(), inner);
                }
                _ => {}
            }
        }
    }

    fn declare(&mut self, name: String, scope: usize, what: Declaration) {
        self.declared.entry(name).or_default().push((scope, what));
    }

    /// Whether `name` is declared in the scope of the struct `ident` whose name is on
    /// `line` (1-based) of the text.
    fn taken(&self, ident: &str, line: usize, name: &str) -> Option<Taken> {
        let declared = self.declared.get(name)?;
        let scope = self.scope_of_struct(ident, line)?;
        declared
            .iter()
            .find(|(at, _)| *at == scope)
            .map(|&(_, what)| Taken {
                what,
                in_block: self.scopes[scope] == Scope::Block,
            })
    }

    /// The scope of the struct `ident` on `line`: the lexer's `struct ident`s and the
    /// text's are matched in order, and only when they are as many (a comment or a string
    /// that spells one out would shift the order).
    fn scope_of_struct(&self, ident: &str, line: usize) -> Option<usize> {
        let lexed: Vec<Option<usize>> = self
            .structs
            .iter()
            .filter(|(name, _)| name == ident)
            .map(|&(_, scope)| scope)
            .collect();
        let written = self
            .written_structs
            .get(ident)
            .map_or(&[][..], Vec::as_slice);
        if lexed.len() != written.len() {
            return None;
        }
        let mut on_line = written.iter().enumerate().filter(|(_, at)| **at == line);
        let (nth, _) = on_line.next()?;
        if on_line.next().is_some() {
            return None;
        }
        lexed[nth]
    }
}

/// The text without a `#!` interpreter line, which rustc skips and the lexer would not.
fn without_shebang(text: &str) -> &str {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match text.strip_prefix("#!") {
        Some(rest) if !rest.trim_start().starts_with('[') => {
            rest.find('\n').map_or("", |end| &rest[end..])
        }
        _ => text,
    }
}

/// Whether the item whose keyword is `tokens[at]` has a `#[cfg(..)]` of its own: such a
/// declaration may not exist in this build.
fn under_cfg(tokens: &[TokenTree], at: usize) -> bool {
    let mut at = at;
    // Back over the qualifiers and visibility: `pub(crate) unsafe trait`.
    while let Some(before) = at.checked_sub(1) {
        match &tokens[before] {
            TokenTree::Ident(word)
                if ["pub", "unsafe", "auto", "default", "extern"].contains(&&*word.to_string()) => {
            }
            TokenTree::Group(group) if group.delimiter() == Delimiter::Parenthesis => {}
            TokenTree::Literal(_) => {} // `extern "C"`
            _ => break,
        }
        at = before;
    }
    // Back over the attributes, each `#` and a bracketed group.
    while at >= 2 {
        let (TokenTree::Punct(hash), TokenTree::Group(group)) = (&tokens[at - 2], &tokens[at - 1])
        else {
            break;
        };
        if hash.as_char() != '#' || group.delimiter() != Delimiter::Bracket {
            break;
        }
        let first = group.stream().into_iter().next();
        if matches!(first, Some(TokenTree::Ident(name)) if name == "cfg") {
            return true;
        }
        at -= 2;
    }
    false
}

/// Whether the group `tokens[at]` is an attribute's (`#[..]`, `#![..]`) or the input of a
/// macro invocation (`m!(..)`, `macro_rules! m { .. }`).
fn is_invocation_or_attribute(tokens: &[TokenTree], at: usize) -> bool {
    let punct = |at: Option<usize>, ch: char| matches!(at.map(|at| &tokens[at]), Some(TokenTree::Punct(p)) if p.as_char() == ch);
    let before = at.checked_sub(1);
    let two_before = at.checked_sub(2);
    punct(before, '!')
        || punct(before, '#')
        || (matches!(before.map(|at| &tokens[at]), Some(TokenTree::Ident(_)))
            && punct(two_before, '!'))
}

/// The tokens of a `use` declaration after the keyword, up to its `;`.
fn until_semicolon(tokens: &[TokenTree]) -> &[TokenTree] {
    let end = tokens
        .iter()
        .position(|token| matches!(token, TokenTree::Punct(p) if p.as_char() == ';'))
        .unwrap_or(tokens.len());
    &tokens[..end]
}

/// The names a use tree binds (each last segment, `a::b` or `{b, c}`, or rename, `as c`)
/// into `bound`; `false` if the tokens are not a use tree.
fn use_bindings(tokens: &[TokenTree], bound: &mut Vec<String>) -> bool {
    for (at, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Group(group) if group.delimiter() == Delimiter::Brace => {
                let inner: Vec<TokenTree> = group.stream().into_iter().collect();
                if !use_bindings(&inner, bound) {
                    return false;
                }
            }
            TokenTree::Ident(name) => {
                let last = match tokens.get(at + 1) {
                    None => true,
                    Some(TokenTree::Punct(p)) => p.as_char() == ',',
                    Some(_) => false,
                };
                let name = name.to_string();
                if last && !["self", "super", "crate", "_"].contains(&name.as_str()) {
                    bound.push(name);
                }
            }
            TokenTree::Punct(p) if [':', ',', '*'].contains(&p.as_char()) => {}
            _ => return false,
        }
    }
    true
}

/// The 1-based line of each `struct NAME` spelled in `text`, by name, in order.
fn written_structs(text: &str) -> HashMap<String, Vec<usize>> {
    let is_ident_byte = |byte: u8| byte == b'_' || byte.is_ascii_alphanumeric() || byte >= 0x80;
    let bytes = text.as_bytes();
    let mut structs: HashMap<String, Vec<usize>> = HashMap::new();
    let (mut line, mut counted) = (1, 0);
    let mut from = 0;
    while let Some(found) = text[from..].find("struct") {
        let start = from + found;
        let keyword_end = start + "struct".len();
        from = keyword_end;
        if start > 0 && is_ident_byte(bytes[start - 1]) {
            continue;
        }
        let rest = &text[keyword_end..];
        let name_start = keyword_end + (rest.len() - rest.trim_start().len());
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|byte| is_ident_byte(**byte))
            .count();
        if name_start == keyword_end || name_len == 0 {
            continue;
        }
        line += bytes[counted..name_start]
            .iter()
            .filter(|b| **b == b'\n')
            .count();
        counted = name_start;
        let name = &text[name_start..name_start + name_len];
        structs.entry(name.to_owned()).or_default().push(line);
    }
    structs
}

/// One file's index, and what it was read from.
struct Cached {
    modified: Option<SystemTime>,
    len: u64,
    index: Option<Rc<FileIndex>>,
}

thread_local! {
    /// Every file indexed in this build: each of a file's typed dicts asks the same index.
    /// A file edited since (rust-analyzer keeps the macro loaded across edits) is read again.
    static INDEXES: std::cell::RefCell<HashMap<PathBuf, Cached>> = Default::default();
}

/// [`FileIndex::build`] of the file at `path`, cached while it is unchanged.
fn cached_index(path: &Path) -> Option<Rc<FileIndex>> {
    let meta = std::fs::metadata(path).ok()?;
    let (modified, len) = (meta.modified().ok(), meta.len());
    INDEXES.with(|indexes| {
        let mut indexes = indexes.borrow_mut();
        if let Some(cached) = indexes.get(path) {
            if cached.modified == modified && cached.len == len && modified.is_some() {
                return cached.index.clone();
            }
        }
        let index = std::fs::read_to_string(path)
            .ok()
            .and_then(|text| FileIndex::build(&text))
            .map(Rc::new);
        indexes.insert(
            path.to_owned(),
            Cached {
                modified,
                len,
                index: index.clone(),
            },
        );
        index
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taken(text: &str, ident: &str, line: usize, name: &str) -> Option<Taken> {
        FileIndex::build(text)
            .expect("the text lexes")
            .taken(ident, line, name)
    }

    fn found(what: Declaration, in_block: bool) -> Option<Taken> {
        Some(Taken { what, in_block })
    }

    const MODULE: Option<Taken> = Some(Taken {
        what: Declaration::Struct,
        in_block: false,
    });

    #[test]
    fn a_struct_beside_is_found_whatever_declares_it() {
        let text = "#[typed_dict]\npub struct Queue {\n    pub url: String,\n}\n\npub struct QueueRequired;\n";
        assert_eq!(taken(text, "Queue", 2, "QueueRequired"), MODULE);
        for (declaration, what) in [
            ("enum QueueRequired {}", Declaration::Enum),
            (
                "pub(crate) union QueueRequired { a: u8 }",
                Declaration::Union,
            ),
            ("trait QueueRequired {}", Declaration::Trait),
            ("type QueueRequired = u8;", Declaration::TypeAlias),
            ("mod QueueRequired {}", Declaration::Module),
            ("use other::QueueRequired;", Declaration::Import),
            (
                "use other::{Thing as QueueRequired, More};",
                Declaration::Import,
            ),
            (
                "pub use other::{inner::{QueueRequired}};",
                Declaration::Import,
            ),
            (
                "#[derive(Debug)]\n/// Docs.\nstruct QueueRequired {}",
                Declaration::Struct,
            ),
        ] {
            let text = format!("{declaration}\n#[typed_dict]\nstruct Queue {{}}\n");
            let line = 3 + declaration.matches('\n').count();
            let found = found(what, false);
            assert_eq!(
                taken(&text, "Queue", line, "QueueRequired"),
                found,
                "{declaration}"
            );
        }
    }

    #[test]
    fn a_struct_in_a_function_body_is_found_in_that_block() {
        let text =
            "fn main() {\n    struct QueueRequired;\n    #[typed_dict]\n    struct Queue {}\n}\n";
        let found_in_block = found(Declaration::Struct, true);
        assert_eq!(taken(text, "Queue", 4, "QueueRequired"), found_in_block);
        let module =
            "mod inner {\n    #[typed_dict]\n    struct Queue {}\n    enum QueueRequired {}\n}\n";
        let found_in_module = found(Declaration::Enum, false);
        assert_eq!(taken(module, "Queue", 3, "QueueRequired"), found_in_module);
    }

    #[test]
    fn a_name_anywhere_else_is_not_beside() {
        for text in [
            // Another module, another block, nested in the struct's own.
            "mod other { struct QueueRequired; }\n#[typed_dict]\nstruct Queue {}\n",
            "fn f() { struct QueueRequired; }\n#[typed_dict]\nstruct Queue {}\n",
            "fn f() {\n#[typed_dict]\nstruct Queue {}\n{ struct QueueRequired; }\n}\n",
            "const _: () = { struct QueueRequired; };\n#[typed_dict]\nstruct Queue {}\n",
            "impl Thing { type QueueRequired = u8; }\n#[typed_dict]\nstruct Queue {}\n",
            // Not a type-namespace declaration, or not a declaration at all.
            "fn QueueRequired() {}\n#[typed_dict]\nstruct Queue {}\n",
            "const QueueRequired: u8 = 0;\n#[typed_dict]\nstruct Queue {}\n",
            "use other::QueueRequired as Renamed;\n#[typed_dict]\nstruct Queue {}\n",
            "use other::*;\n#[typed_dict]\nstruct Queue {}\n",
            "fn f() -> impl Sized + use<> { g(QueueRequired, 1) }\n#[typed_dict]\nstruct Queue {}\n",
            "// struct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "static S: &str = \"struct QueueRequired;\";\n#[typed_dict]\nstruct Queue {}\n",
            // Under `cfg`: maybe not in this build.
            "#[cfg(test)]\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "#[cfg(test)]\n#[derive(Debug)]\npub struct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "#[cfg(test)]\nuse other::QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            // Another macro's input: its items land where it puts them.
            "m! { struct QueueRequired; }\n#[typed_dict]\nstruct Queue {}\n",
            "macro_rules! m { () => { struct QueueRequired; } }\n#[typed_dict]\nstruct Queue {}\n",
        ] {
            let line = 1 + text.lines().position(|l| l.contains("struct Queue ")).unwrap();
            assert_eq!(taken(text, "Queue", line, "QueueRequired"), None, "{text}");
        }
    }

    #[test]
    fn an_uncertain_struct_is_not_judged() {
        for (text, line) in [
            // The struct inside another macro's input.
            (
                "m! {\n#[typed_dict]\nstruct Queue {}\n}\nstruct QueueRequired;\n",
                3,
            ),
            // Two structs of the name on one line, or one the text spells in a comment.
            (
                "struct Queue {} fn f() { struct Queue {} }\nstruct QueueRequired;\n",
                1,
            ),
            (
                "// struct Queue\n#[typed_dict]\nstruct Queue {}\nstruct QueueRequired;\n",
                3,
            ),
            // No `struct Queue` on the struct's line: its tokens came from elsewhere.
            ("struct Queue {}\nstruct QueueRequired;\n", 2),
        ] {
            assert_eq!(taken(text, "Queue", line, "QueueRequired"), None, "{text}");
        }
        // Two structs of the name, told apart by their lines.
        let two = "fn a() {\n    struct QueueRequired;\n    struct Queue {}\n}\nfn b() {\n    struct Queue {}\n}\n";
        assert!(taken(two, "Queue", 3, "QueueRequired").is_some());
        assert_eq!(taken(two, "Queue", 6, "QueueRequired"), None);
    }

    #[test]
    fn what_does_not_lex_has_no_index() {
        assert!(FileIndex::build("struct \"unterminated").is_none());
        // An interpreter line is not Rust, and rustc skips it.
        let script = "#!/usr/bin/env run-cargo-script\nstruct Queue {}\nstruct QueueRequired;\n";
        assert_eq!(taken(script, "Queue", 2, "QueueRequired"), MODULE);
    }

    #[test]
    fn written_structs_are_found_by_name_on_lines_counted_from_one() {
        let text =
            "struct Queue;\n\nstruct\n  Queue {}\nstruct QueueUrl;\nmystruct Queue; struct Queue";
        let written = written_structs(text);
        assert_eq!(written["Queue"], [1, 4, 6]);
        assert_eq!(written["QueueUrl"], [5]);
        assert_eq!(written.len(), 2);
    }
}
