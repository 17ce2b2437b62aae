//! What a typed dict's source file declares beside it: enough to report a name the macro
//! would generate (`XRequired`) that the same module or block already declares as one
//! error with advice, where rustc would report the clash, then every generated impl that
//! now names the wrong type (six errors for two typed dicts).
//!
//! A macro sees only its own item, so the file is read and lexed, once per file while it
//! is unchanged, with rustc's own lexer (`ra-ap-rustc_lexer`): it never fails and never
//! reports, where the compiler's `TokenStream::from_str` would report what it cannot lex
//! (a 2018 crate's `z"y"`) into the user's build. The answer only words an error: whenever
//! it is uncertain, it is "not declared" and rustc's errors stand. Uncertain means:
//!
//! - not run by the compiler (unit tests), or a file that cannot be read (doctests have
//!   none) or whose delimiters do not balance;
//! - a struct not found as `#[typed_dict] struct Name` on its name's line, found twice
//!   there, found inside another macro's input, or under an attribute other than the
//!   built-in inert ones, itself or anything around it (an attribute macro may move or
//!   rewrite it; a `cfg` around the struct holds, since the struct is being expanded), or
//!   with a derive of a trait the standard library does not derive (it may copy the name
//!   into a typed dict of its own);
//! - a declaration under any attribute but the inert ones, `cfg` included (a derive of any
//!   trait leaves it as it is), and a module in a file of its own (`mod m;`), whose inner
//!   attributes are not read;
//! - `test`, and `derive` or a standard derive's name that the file imports from outside
//!   the standard library: the import may be any macro;
//! - any name a `use` binds: an import may bring a function or a macro, which do not
//!   clash with a struct, and the file does not say which.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::SystemTime;

use ra_ap_rustc_lexer::{self as lexer, FrontmatterAllowed, TokenKind};
use syn::ext::IdentExt;

/// A generated name that is already declared beside the struct.
#[derive(Clone, Debug, PartialEq)]
pub struct Taken {
    /// What declares it.
    pub what: Declaration,
    /// Whether the struct and the name are in a block (a function body), not a module.
    pub in_block: bool,
}

/// Whether `name` is declared beside the struct `ident`, in the same module or block of
/// the file as written; `None` whenever that is not certain.
pub fn declared_beside(ident: &syn::Ident, name: &syn::Ident) -> Option<Taken> {
    if !proc_macro::is_available() {
        return None;
    }
    let span = ident.span().unwrap();
    let file = span.local_file()?;
    let index = cached_index(&file)?;
    let (ident, name) = (ident.unraw().to_string(), name.unraw().to_string());
    index.taken(&ident, span.line(), &name)
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
}

impl Declaration {
    /// The declaration a keyword starts.
    fn of_keyword(keyword: &str) -> Option<Declaration> {
        Some(match keyword {
            "struct" => Declaration::Struct,
            "enum" => Declaration::Enum,
            "union" => Declaration::Union,
            "trait" => Declaration::Trait,
            "type" => Declaration::TypeAlias,
            "mod" => Declaration::Module,
            _ => return None,
        })
    }

    /// As an error names it: "a struct".
    pub fn described(self) -> &'static str {
        match self {
            Declaration::Struct => "a struct",
            Declaration::Enum => "an enum",
            Declaration::Union => "a union",
            Declaration::Trait => "a trait",
            Declaration::TypeAlias => "a type alias",
            Declaration::Module => "a module",
        }
    }
}

/// The attributes that leave an item as written: built-in ones that no import can shadow
/// (rustc reports such an import ambiguous). Any other may be a macro that moves, renames
/// or removes it; `cfg` and `derive` are judged apart.
const INERT_ATTRIBUTES: [&str; 12] = [
    "doc",
    "allow",
    "warn",
    "deny",
    "forbid",
    "expect",
    "repr",
    "non_exhaustive",
    "must_use",
    "deprecated",
    "automatically_derived",
    "inline",
];

/// The traits the standard library derives: a derive of these adds impls and nothing
/// else. Another derive may declare items, a typed dict among them, with the struct's name.
const STD_DERIVES: [&str; 9] = [
    "Debug",
    "Clone",
    "Copy",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Hash",
    "Default",
];

/// What an attribute may do to its item.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Attribute {
    /// Nothing: a built-in inert attribute, or a tool's.
    Inert,
    /// `#[typed_dict]`: makes the struct a typed dict, in place.
    TypedDict,
    /// `#[cfg(..)]`: keeps the item or removes it. An item around a typed dict that is
    /// being expanded is kept; an item beside it may not be.
    Cfg,
    /// `#[derive(..)]` of a trait the standard library does not derive: leaves the item as
    /// it is, but may declare others with its name.
    ForeignDerive,
    /// Anything else, `cfg_attr` included: may move, rename or remove it.
    Other,
}

/// Where a scope's items live, as the error words it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Scope {
    Module,
    Block,
}

/// A token that is not whitespace or a comment.
struct Token<'a> {
    kind: TokenKind,
    text: &'a str,
    /// The 1-based line it starts on.
    line: usize,
    /// For a delimiter, the index of its partner.
    partner: usize,
}

/// A `struct NAME` of the file.
#[derive(Debug)]
struct StructAt {
    name: String,
    /// The 1-based line of its name.
    line: usize,
    /// Its scope; `None` where that is uncertain (another macro's input).
    scope: Option<usize>,
}

/// The declarations of one file, by scope.
#[derive(Debug)]
struct FileIndex {
    /// Each scope's kind, by number; scope 0 is the file.
    scopes: Vec<Scope>,
    structs: Vec<StructAt>,
    /// Every type-namespace name declared by an item whose attributes are inert, with its
    /// scope and what declares it.
    declared: HashMap<String, Vec<(usize, Declaration)>>,
}

/// A delimited group being walked.
struct Frame {
    /// Its scope; `None` where uncertain.
    scope: Option<usize>,
    /// Whether items stand in it (a brace block or the file), not an expression's
    /// parentheses or brackets.
    holds_items: bool,
    /// The outer attributes of the item being read, since the last item ended.
    attributes: ItemAttributes,
}

/// What the outer attributes of one item may do to it.
#[derive(Clone, Copy, Default)]
struct ItemAttributes {
    typed_dict: bool,
    cfg: bool,
    foreign_derive: bool,
    other: bool,
}

impl ItemAttributes {
    fn add(&mut self, attribute: Attribute) {
        match attribute {
            Attribute::Inert => {}
            Attribute::TypedDict => self.typed_dict = true,
            Attribute::Cfg => self.cfg = true,
            Attribute::ForeignDerive => self.foreign_derive = true,
            Attribute::Other => self.other = true,
        }
    }
}

impl FileIndex {
    /// The index of `text`, or `None` if its delimiters do not balance.
    fn build(text: &str) -> Option<FileIndex> {
        let tokens = significant_tokens(text)?;
        let shadowed = shadowed_prelude_macros(&tokens);
        let mut index = FileIndex {
            scopes: vec![Scope::Module],
            structs: Vec::new(),
            declared: HashMap::new(),
        };
        // An explicit stack, not recursion: a file may nest thousands deep.
        let mut frames = vec![Frame {
            scope: Some(0),
            holds_items: true,
            attributes: ItemAttributes::default(),
        }];
        for (at, token) in tokens.iter().enumerate() {
            let frame = frames.last_mut().expect("the file's frame is never closed");
            match token.kind {
                TokenKind::Pound if frame.holds_items => {
                    let inner = tokens
                        .get(at + 1)
                        .is_some_and(|t| t.kind == TokenKind::Bang);
                    let bracket = if inner { at + 2 } else { at + 1 };
                    let Some(group) = tokens
                        .get(bracket)
                        .filter(|t| t.kind == TokenKind::OpenBracket)
                    else {
                        continue;
                    };
                    let attribute = attribute(&tokens[bracket + 1..group.partner], &shadowed);
                    if !inner {
                        frame.attributes.add(attribute);
                    } else if attribute == Attribute::Other {
                        // `#![macro]`: the whole module or block may be rewritten. (Its
                        // `#![cfg]` holds, since the typed dict in it is expanded.)
                        frame.scope = None;
                    }
                }
                TokenKind::Semi if frame.holds_items => {
                    frame.attributes = ItemAttributes::default();
                }
                TokenKind::OpenBrace | TokenKind::OpenParen | TokenKind::OpenBracket => {
                    let brace = token.kind == TokenKind::OpenBrace;
                    let scope = match frame.scope {
                        Some(_) if is_attribute_or_macro_input(&tokens, at) => None,
                        // A block is the scope of the items in it, unless the item or
                        // statement it belongs to has attributes that may rewrite it (and
                        // so may the blocks in its parentheses and brackets).
                        Some(_) if frame.holds_items && frame.attributes.other => None,
                        Some(_) if brace => {
                            index.scopes.push(match tokens[..at].iter().rev().nth(1) {
                                Some(before) if before.text == "mod" => Scope::Module,
                                _ => Scope::Block,
                            });
                            Some(index.scopes.len() - 1)
                        }
                        other => other,
                    };
                    frames.push(Frame {
                        scope,
                        holds_items: brace,
                        attributes: ItemAttributes::default(),
                    });
                }
                TokenKind::CloseBrace | TokenKind::CloseParen | TokenKind::CloseBracket => {
                    frames.pop();
                    let frame = frames.last_mut().expect("the delimiters balance");
                    if token.kind == TokenKind::CloseBrace && ends_item(&tokens, at) {
                        frame.attributes = ItemAttributes::default();
                    }
                }
                TokenKind::Ident if frame.holds_items => {
                    index.declaration(&tokens, frame, at, &shadowed)
                }
                _ => {}
            }
        }
        Some(index)
    }

    /// Records the declaration the keyword `tokens[at]` starts, if it is one.
    fn declaration(&mut self, tokens: &[Token], frame: &Frame, at: usize, shadowed: &[&str]) {
        let Some(what) = Declaration::of_keyword(tokens[at].text) else {
            return;
        };
        let Some(name) = tokens
            .get(at + 1)
            .filter(|name| matches!(name.kind, TokenKind::Ident | TokenKind::RawIdent))
        else {
            return;
        };
        let name_text = unraw(name.text).to_owned();
        let attributes = frame.attributes;
        if what == Declaration::Struct {
            // A typed dict is placed where its file puts it only if `#[typed_dict]` is
            // written on it (not a derive's copy of its name) and nothing may move it.
            let placed = attributes.typed_dict && !attributes.other && !attributes.foreign_derive;
            self.structs.push(StructAt {
                name: name_text.clone(),
                line: name.line,
                scope: frame.scope.filter(|_| placed),
            });
        }
        let Some(scope) = frame.scope else {
            return;
        };
        let has_inner_attributes = matches!(what, Declaration::Module | Declaration::Trait);
        if attributes.cfg
            || attributes.other
            || (has_inner_attributes && !inert_body(tokens, at + 2, shadowed))
        {
            return;
        }
        self.declared
            .entry(name_text)
            .or_default()
            .push((scope, what));
    }

    /// Whether `name` is declared in the scope of the struct `ident` whose name is on
    /// `line` (1-based) of the text.
    fn taken(&self, ident: &str, line: usize, name: &str) -> Option<Taken> {
        let declared = self.declared.get(name)?;
        let mut on_line = self
            .structs
            .iter()
            .filter(|found| found.name == ident && found.line == line);
        let found = on_line.next()?;
        if on_line.next().is_some() {
            return None;
        }
        let scope = found.scope?;
        declared
            .iter()
            .find(|(at, _)| *at == scope)
            .map(|&(_, what)| Taken {
                what,
                in_block: self.scopes[scope] == Scope::Block,
            })
    }
}

/// The tokens of `text` that are not whitespace or comments, each with its line and each
/// delimiter with its partner; `None` if the delimiters do not balance or a block comment
/// is left open.
fn significant_tokens(text: &str) -> Option<Vec<Token<'_>>> {
    let start = lexer::strip_shebang(text).unwrap_or(0);
    let mut tokens: Vec<Token> = Vec::new();
    let mut open = Vec::new();
    let mut offset = start;
    let mut line = 1 + text[..start].matches('\n').count();
    let mut frontmatter = FrontmatterAllowed::Yes;
    'lex: loop {
        for token in lexer::tokenize(&text[offset..], frontmatter) {
            let mut end = offset + token.len as usize;
            let kind = match token.kind {
                TokenKind::BlockComment {
                    terminated: false, ..
                } => return None,
                TokenKind::Whitespace
                | TokenKind::LineComment { .. }
                | TokenKind::BlockComment { .. }
                | TokenKind::Frontmatter { .. } => None,
                // Before edition 2024, `#"x"#` and `##` are `#` tokens and what follows
                // them (a 2024 file fails to compile on them): a `#`, and lex on after it.
                TokenKind::GuardedStrPrefix => {
                    end = offset + 1;
                    Some(TokenKind::Pound)
                }
                kind => Some(kind),
            };
            let piece = &text[offset..end];
            if let Some(kind) = kind {
                let at = tokens.len();
                let mut partner = at;
                match kind {
                    TokenKind::OpenBrace | TokenKind::OpenParen | TokenKind::OpenBracket => {
                        open.push(at)
                    }
                    TokenKind::CloseBrace | TokenKind::CloseParen | TokenKind::CloseBracket => {
                        let opened = open.pop()?;
                        if closing(tokens[opened].kind) != Some(kind) {
                            return None;
                        }
                        tokens[opened].partner = at;
                        partner = opened;
                    }
                    _ => {}
                }
                tokens.push(Token {
                    kind,
                    text: piece,
                    line,
                    partner,
                });
            }
            line += piece.bytes().filter(|byte| *byte == b'\n').count();
            offset = end;
            if token.kind == TokenKind::GuardedStrPrefix {
                frontmatter = FrontmatterAllowed::No;
                continue 'lex;
            }
        }
        break;
    }
    open.is_empty().then_some(tokens)
}

/// The delimiter that closes `kind`.
fn closing(kind: TokenKind) -> Option<TokenKind> {
    match kind {
        TokenKind::OpenBrace => Some(TokenKind::CloseBrace),
        TokenKind::OpenParen => Some(TokenKind::CloseParen),
        TokenKind::OpenBracket => Some(TokenKind::CloseBracket),
        _ => None,
    }
}

/// A raw identifier's name: `r#Foo` is `Foo`.
fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}

/// Whether the group opening at `tokens[at]` is an attribute's (`#[..]`, `#![..]`) or
/// another macro's input (`m!(..)`, `macro_rules! m { .. }`; `if !ready { .. }` is taken
/// for one too, which only makes its items uncertain).
fn is_attribute_or_macro_input(tokens: &[Token], at: usize) -> bool {
    let kind = |back: usize| at.checked_sub(back).map(|index| tokens[index].kind);
    matches!(kind(1), Some(TokenKind::Pound | TokenKind::Bang))
        || (matches!(kind(1), Some(TokenKind::Ident | TokenKind::RawIdent))
            && kind(2) == Some(TokenKind::Bang))
}

/// Whether the `}` at `tokens[at]` ends an item: what follows starts another, or ends
/// the group. (A `}` inside an item's header, as `Foo<{ 1 }>`'s, is followed by more of
/// it; so is a block in an expression, whose statement ends at its `;`.)
fn ends_item(tokens: &[Token], at: usize) -> bool {
    const STARTS: [&str; 19] = [
        "pub",
        "fn",
        "struct",
        "enum",
        "union",
        "trait",
        "type",
        "mod",
        "use",
        "impl",
        "const",
        "static",
        "extern",
        "unsafe",
        "async",
        "let",
        "macro_rules",
        "auto",
        "default",
    ];
    match tokens.get(at + 1) {
        None => true,
        Some(next) => match next.kind {
            TokenKind::CloseBrace | TokenKind::Semi | TokenKind::Pound => true,
            TokenKind::Ident => STARTS.contains(&next.text),
            _ => false,
        },
    }
}

/// Whether the body of the module or trait whose tokens after its name begin at
/// `tokens[from]` has only inert inner attributes (`mod m { #![cfg(any())] }` removes
/// `m`). The body is the block that ends the item; a block before it (a const argument in
/// the header) is passed over, and one that cannot be told from the body is uncertain, as
/// is a module in a file of its own (`mod m;`), whose inner attributes are not read.
fn inert_body(tokens: &[Token], from: usize, shadowed: &[&str]) -> bool {
    let mut at = from;
    while let Some(token) = tokens.get(at) {
        match token.kind {
            TokenKind::OpenBrace if ends_item(tokens, token.partner) => {
                return inner_attributes_inert(tokens, at + 1, shadowed);
            }
            TokenKind::OpenBrace | TokenKind::OpenParen | TokenKind::OpenBracket => {
                at = token.partner + 1
            }
            _ if matches!(token.kind, TokenKind::Semi | TokenKind::CloseBrace) => return false,
            _ => at += 1,
        }
    }
    false
}

/// Whether the inner attributes that begin at `tokens[from]` are all inert.
fn inner_attributes_inert(tokens: &[Token], from: usize, shadowed: &[&str]) -> bool {
    let mut at = from;
    loop {
        let kind = |offset: usize| tokens.get(at + offset).map(|token| token.kind);
        if kind(0) != Some(TokenKind::Pound)
            || kind(1) != Some(TokenKind::Bang)
            || kind(2) != Some(TokenKind::OpenBracket)
        {
            return true;
        }
        let close = tokens[at + 2].partner;
        if attribute(&tokens[at + 3..close], shadowed) != Attribute::Inert {
            return false;
        }
        at = close + 1;
    }
}

/// The prelude's macros that a `use` of the file may shadow (`use tokio::test;`): `test`,
/// `derive` and the standard derives, unless imported from the standard library. A glob
/// cannot shadow them: rustc reports the name ambiguous.
fn shadowed_prelude_macros<'a>(tokens: &[Token<'a>]) -> Vec<&'a str> {
    let mut shadowed = Vec::new();
    for (at, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Ident || token.text != "use" {
            continue;
        }
        let tree = tokens[at + 1..].iter().take_while(|token| {
            matches!(
                token.kind,
                TokenKind::Ident
                    | TokenKind::RawIdent
                    | TokenKind::Colon
                    | TokenKind::Comma
                    | TokenKind::Star
                    | TokenKind::OpenBrace
                    | TokenKind::CloseBrace
            )
        });
        let mut names = tree
            .filter(|token| token.kind != TokenKind::Colon)
            .peekable();
        if names
            .peek()
            .is_some_and(|root| ["std", "core", "alloc"].contains(&root.text))
        {
            continue;
        }
        for name in names {
            let name = unraw(name.text);
            if name == "test" || name == "derive" || STD_DERIVES.contains(&name) {
                shadowed.push(name);
            }
        }
    }
    shadowed
}

/// What the attribute whose tokens inside the brackets are `inside` may do, where the file
/// imports macros named as the `shadowed` prelude ones.
fn attribute(inside: &[Token], shadowed: &[&str]) -> Attribute {
    let mut path = Vec::new();
    for token in inside {
        match token.kind {
            TokenKind::Ident | TokenKind::RawIdent => path.push(unraw(token.text)),
            TokenKind::Colon => {}
            _ => break,
        }
    }
    match path.as_slice() {
        ["cfg"] => Attribute::Cfg,
        ["derive"] if !shadowed.contains(&"derive") => match inside {
            [_, open, derived @ .., close]
                if open.kind == TokenKind::OpenParen
                    && close.kind == TokenKind::CloseParen
                    && std_derives_only(derived, shadowed) =>
            {
                Attribute::Inert
            }
            _ => Attribute::ForeignDerive,
        },
        [name] if INERT_ATTRIBUTES.contains(name) => Attribute::Inert,
        [first, ..] if ["diagnostic", "rustfmt", "clippy"].contains(first) => Attribute::Inert,
        [.., "typed_dict"] => Attribute::TypedDict,
        _ => Attribute::Other,
    }
}

/// Whether the derive list `derived` (`Debug, std::hash::Hash`) names only traits the
/// standard library derives, by names no import of the file shadows.
fn std_derives_only(derived: &[Token], shadowed: &[&str]) -> bool {
    derived
        .split(|token| token.kind == TokenKind::Comma)
        .filter(|path| !path.is_empty())
        .all(|path| {
            let segments: Vec<&str> = path
                .iter()
                .filter(|token| token.kind != TokenKind::Colon)
                .map(|token| unraw(token.text))
                .collect();
            match segments.as_slice() {
                [name] => STD_DERIVES.contains(name) && !shadowed.contains(name),
                [root, .., name] => ["std", "core"].contains(root) && STD_DERIVES.contains(name),
                [] => true,
            }
        })
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
            .expect("the delimiters balance")
            .taken(ident, line, name)
    }

    fn found(what: Declaration, in_block: bool) -> Option<Taken> {
        Some(Taken { what, in_block })
    }

    /// The line that declares `Queue` in `text`.
    fn queue_line(text: &str) -> usize {
        1 + text
            .lines()
            .position(|line| line.trim_start().starts_with("struct Queue "))
            .expect("the text declares Queue")
    }

    fn judged(text: &str) -> Option<Taken> {
        taken(text, "Queue", queue_line(text), "QueueRequired")
    }

    #[test]
    fn a_declaration_beside_is_found_whatever_declares_it() {
        for (declaration, what) in [
            ("pub struct QueueRequired;", Declaration::Struct),
            ("enum QueueRequired {}", Declaration::Enum),
            ("pub(crate) union QueueRequired { a: u8 }", Declaration::Union),
            ("trait QueueRequired {}", Declaration::Trait),
            ("type QueueRequired = u8;", Declaration::TypeAlias),
            ("mod QueueRequired {}", Declaration::Module),
            ("struct r#QueueRequired;", Declaration::Struct),
            (
                "#[derive(Debug)]\n/// Docs, `struct Queue {}`.\n#[allow(dead_code)]\nstruct QueueRequired {}",
                Declaration::Struct,
            ),
            (
                "#[typed_dict]\npub struct QueueRequired {\n    pub name: String,\n}",
                Declaration::Struct,
            ),
            (
                "pub trait QueueRequired<const N: usize = { 1 }>: Foo<{ 2 }> {\n    #![allow(unused)]\n}",
                Declaration::Trait,
            ),
            ("mod QueueRequired {\n    #![allow(unused)]\n}", Declaration::Module),
            (
                "use std::fmt::Debug;\n#[derive(Debug, Clone, std::hash::Hash, core::cmp::PartialEq)]\nstruct QueueRequired;",
                Declaration::Struct,
            ),
        ] {
            for text in [
                format!("{declaration}\n#[typed_dict]\nstruct Queue {{}}\n"),
                format!("#[typed_dict]\nstruct Queue {{}}\n{declaration}\n"),
            ] {
                assert_eq!(judged(&text), found(what, false), "{text}");
            }
        }
    }

    #[test]
    fn a_declaration_in_a_function_body_is_found_in_that_block() {
        let text =
            "fn main() {\n    struct QueueRequired;\n    #[typed_dict]\n    struct Queue {}\n}\n";
        assert_eq!(judged(text), found(Declaration::Struct, true));
        let closure = "fn main() {\n    let f = || {\n        type QueueRequired = u8;\n        #[typed_dict]\n        struct Queue {}\n    };\n}\n";
        assert_eq!(judged(closure), found(Declaration::TypeAlias, true));
        let module =
            "mod inner {\n    #[typed_dict]\n    struct Queue {}\n    enum QueueRequired {}\n}\n";
        assert_eq!(judged(module), found(Declaration::Enum, false));
        // A `cfg` around the typed dict holds, since the typed dict is being expanded.
        let tests = "#[cfg(test)]\nmod tests {\n    struct QueueRequired;\n    #[cfg(feature = \"x\")]\n    #[typed_dict]\n    struct Queue {}\n}\n";
        assert_eq!(judged(tests), found(Declaration::Struct, false));
        let derived =
            "struct QueueRequired;\n#[typed_dict]\n#[derive(Eq, Hash)]\nstruct Queue {}\n";
        assert_eq!(judged(derived), found(Declaration::Struct, false));
        let raw = "#[typed_dict] struct r#Queue {}\nstruct QueueRequired;\n";
        assert_eq!(
            taken(raw, "Queue", 1, "QueueRequired"),
            found(Declaration::Struct, false)
        );
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
            "// struct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "/* struct QueueRequired; /* nested */ */\n#[typed_dict]\nstruct Queue {}\n",
            "static S: &str = \"struct QueueRequired;\";\n#[typed_dict]\nstruct Queue {}\n",
            "static S: &str = r#\"\" struct QueueRequired;\"#;\n#[typed_dict]\nstruct Queue {}\n",
            // An import: it may bring a function or a macro.
            "use other::QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "use other::make as QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            // Attributes that may remove or rename the item.
            "#[cfg(test)]\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "#[cfg(test)]\n#[derive(Debug)]\npub struct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "#[cfg_attr(all(), cfg(any()))]\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "#[r#cfg(any())]\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "#[remove]\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "#[serde(rename = \"x\")]\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "mod QueueRequired {\n    #![cfg(any())]\n}\n#[typed_dict]\nstruct Queue {}\n",
            "trait QueueRequired {\n    #![cfg(any())]\n}\n#[typed_dict]\nstruct Queue {}\n",
            "pub trait QueueRequired: Foo<{ 1 }> {\n    #![cfg(any())]\n}\n#[typed_dict]\nstruct Queue {}\n",
            "pub trait QueueRequired<const N: usize = { 1 }> {\n    #![cfg(any())]\n}\n#[typed_dict]\nstruct Queue {}\n",
            "fn f() {\n    trait QueueRequired {\n        #![cfg(any())]\n    } g();\n    #[typed_dict]\n    struct Queue {}\n}\n",
            // A module in a file of its own, whose inner attributes may remove it.
            "mod QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            // `test` may be any attribute macro, and `derive` one the file imports.
            "#[test]\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "use helper::derive;\n#[derive(Debug)]\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            // Another macro's input: its items land where it puts them.
            "m! { struct QueueRequired; }\n#[typed_dict]\nstruct Queue {}\n",
            "macro_rules! m { () => { struct QueueRequired; } }\n#[typed_dict]\nstruct Queue {}\n",
        ] {
            assert_eq!(judged(text), None, "{text}");
        }
    }

    #[test]
    fn an_uncertain_struct_is_not_judged() {
        for text in [
            // Inside another macro's input.
            "m! {\n#[typed_dict]\nstruct Queue {}\n}\nstruct QueueRequired;\n",
            // In a module or function an attribute may rewrite.
            "#[rewrite]\nmod m {\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n}\n",
            "#[tokio::main]\nasync fn main() {\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n}\n",
            "#[strip]\nfn f<A, B>() {\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n}\n",
            "#[strip]\nfn f() -> N<{ 1 }> {\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n}\n",
            "#[strip]\npub fn run<T>(_: T) -> Result<(), String> where T: Clone, T: Copy {\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n}\n",
            "#[strip]\nimpl<A, B> X<A, B> {\nfn m() {\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n}\n}\n",
            "mod m {\n#![rewrite]\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n}\n",
            "#[strip]\nconst X: [u8; 1] = [{\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n1\n}];\n",
            "#[strip]\nstatic Q: L = L::new(|| {\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n});\n",
            "#[strip]\nfn f(_: [u8; {\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n1\n}]) {}\n",
            "use helper::test;\n#[test]\nfn t() {\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n}\n",
            // An attribute that may move it runs first, or a derive copies its name
            // (written without `#[typed_dict]`, or beside it).
            "pub struct QueueRequired;\n#[in_const]\n#[typed_dict]\nstruct Queue {}\n",
            "pub struct QueueRequired;\n#[derive(MakeTypedDict)]\nstruct Queue {}\n",
            "pub struct QueueRequired;\n#[typed_dict]\n#[derive(MakeInner)]\nstruct Queue {}\n",
            "pub struct QueueRequired;\n#[typed_dict]\n#[derive(Debug, serde::Serialize)]\nstruct Queue {}\n",
            "use helper::Debug;\npub struct QueueRequired;\n#[typed_dict]\n#[derive(Debug)]\nstruct Queue {}\n",
            // Two structs of the name on its line.
            "struct Queue {} fn f() { struct Queue {} }\nstruct QueueRequired;\n",
        ] {
            assert_eq!(judged(text), None, "{text}");
        }
        // No `struct Queue` on the line asked about: its tokens came from elsewhere.
        assert_eq!(
            taken(
                "struct Queue {}\nstruct QueueRequired;\n",
                "Queue",
                2,
                "QueueRequired"
            ),
            None
        );
        // Two structs of the name, told apart by their lines, whatever the text spells.
        let two = "fn a() {\n    struct QueueRequired;\n    #[typed_dict] struct Queue {}\n}\n// struct Queue\nfn b() {\n    #[typed_dict] struct /* the other */ Queue {}\n}\n";
        assert!(taken(two, "Queue", 3, "QueueRequired").is_some());
        assert_eq!(taken(two, "Queue", 7, "QueueRequired"), None);
    }

    #[test]
    fn lines_are_counted_as_rustc_counts_them() {
        let text = "#!/usr/bin/env run-cargo-script\n\u{feff}/* a\nb */ fn f() {}\n#[typed_dict] struct\n  Queue {}\nstruct QueueRequired;\n";
        assert_eq!(
            taken(text, "Queue", 5, "QueueRequired"),
            found(Declaration::Struct, false)
        );
        // U+200E is whitespace to rustc.
        let mark = "#[typed_dict] struct\u{200E}Queue {}\nstruct QueueRequired;\n";
        assert_eq!(
            taken(mark, "Queue", 1, "QueueRequired"),
            found(Declaration::Struct, false)
        );
    }

    #[test]
    fn what_does_not_balance_has_no_index() {
        assert!(FileIndex::build("fn f() { struct Queue {}").is_none());
        assert!(FileIndex::build("fn f() { ) }").is_none());
        assert!(FileIndex::build("/* open").is_none());
        // Reserved prefixes of later editions are tokens, not errors.
        assert!(FileIndex::build("m!(z\"y\" #\"x\"# ##);").is_some());
    }

    #[test]
    fn deep_nesting_is_walked_without_recursion() {
        let depth = 100_000;
        let text = format!(
            "m!({}{});\n#[typed_dict]\nstruct Queue {{}}\nstruct QueueRequired;\n",
            "(".repeat(depth),
            ")".repeat(depth)
        );
        assert_eq!(judged(&text), found(Declaration::Struct, false));
    }
}
