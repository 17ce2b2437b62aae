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
//!   none), whose delimiters do not balance, or that has `#[macro_use]` (its macros
//!   shadow the prelude's, in every module of the crate);
//! - a struct whose name is not at a `struct Name` of the text (`make!(Queue)` gives a
//!   macro the name elsewhere), or inside another macro's input; one without typed-dict's
//!   own `#[typed_dict]` written on it: `krate::typed_dict` where nothing in the file
//!   binds the crate's name, or a bare `typed_dict` that its module (or the blocks around
//!   it, up to its module) imports from the crate, and from nothing else, or by a glob of
//!   the crate and no other glob (`use super::*;` may bring another); one with a derive
//!   (it may copy the name into a typed dict of its own) or under any other attribute but
//!   the built-in inert ones, itself or anything around it (an attribute macro may move
//!   or rewrite it; a `cfg` around the struct holds, since the struct is being expanded);
//! - a declaration under any attribute but the inert ones and `derive` (`cfg`, `test` and
//!   tool-like paths such as `clippy::x`, which may name a crate, included), and a module
//!   in a file of its own (`mod m;`), whose inner attributes are not read;
//! - `derive` where the file imports one (even from `std`: a module may be named so), or
//!   where a source of the package or a target root its manifest names mentions
//!   `macro_use` (a `#[macro_use] extern crate` in the crate's root shadows the prelude's
//!   macros in every file);
//! - everything, in a package of edition 2015 (whose paths start at the crate's root,
//!   where any module may bear the crate's name), one whose sources rebind a crate's name
//!   (`extern crate self as typed_dict;`), or one that cannot be read;
//! - any name a `use` binds: an import may bring a function or a macro, which do not
//!   clash with a struct, and the file does not say which.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::SystemTime;

use ra_ap_rustc_lexer::{self as lexer, FrontmatterAllowed, TokenKind};
use syn::ext::IdentExt;

use crate::krate::workspace_manifest;

use crate::symbol::{
    Symbol, ALLOW, AUTOMATICALLY_DERIVED, CFG, DENY, DEPRECATED, DERIVE, DOC, EXPECT, FORBID,
    INLINE, MUST_USE, NON_EXHAUSTIVE, REPR, TYPED_DICT, WARN,
};

/// A generated name that is already declared beside the struct.
#[derive(Clone, Debug, PartialEq)]
pub struct Taken {
    /// What declares it.
    pub what: Declaration,
    /// Whether the struct and the name are in a block (a function body), not a module.
    pub in_block: bool,
}

/// A struct whose generated names are judged against what its file declares beside it.
/// The file is found and its index asked for once, at the first name judged.
pub struct Beside<'a> {
    ident: &'a syn::Ident,
    /// The name the user's crate gives typed-dict (`typed_dict`, or a rename); `None`:
    /// nothing is judged.
    krate: Option<&'a str>,
    /// The struct in its file's index, once asked.
    found: OnceCell<Option<Located>>,
}

/// A struct found in its file: the file's index, its name unraw and where it starts.
struct Located {
    index: Rc<FileIndex>,
    ident: String,
    at: (usize, usize),
}

impl<'a> Beside<'a> {
    /// The struct `ident`, in a crate that names typed-dict `krate`.
    pub fn of(ident: &'a syn::Ident, krate: Option<&'a str>) -> Beside<'a> {
        Beside {
            ident,
            krate,
            found: OnceCell::new(),
        }
    }

    /// Whether `name` is declared beside the struct, in the same module or block of the
    /// file as written; `None` whenever that is not certain.
    pub fn declares(&self, name: &syn::Ident) -> Option<Taken> {
        let found = self.found.get_or_init(|| self.locate()).as_ref()?;
        let name = name.unraw().to_string();
        found.index.taken(&found.ident, found.at, &name)
    }

    /// The struct in its file, if the macro runs in the compiler and the file is indexed.
    fn locate(&self) -> Option<Located> {
        if !proc_macro::is_available() {
            return None;
        }
        let span = self.ident.span().unwrap();
        Some(Located {
            index: cached_index(&span.local_file()?, self.krate?)?,
            ident: self.ident.unraw().to_string(),
            at: (span.line(), span.column()),
        })
    }
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
/// or removes it (`test` is one; so are tool-like paths, `clippy::x`, which may name a
/// crate); `cfg`, `derive` and `typed_dict` are judged apart.
const INERT_ATTRIBUTES: [Symbol; 12] = [
    DOC,
    ALLOW,
    WARN,
    DENY,
    FORBID,
    EXPECT,
    REPR,
    NON_EXHAUSTIVE,
    MUST_USE,
    DEPRECATED,
    AUTOMATICALLY_DERIVED,
    INLINE,
];

/// What an attribute may do to its item.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Attribute {
    /// Nothing: a built-in inert attribute.
    Inert,
    /// `#[typed_dict]`, bare: typed-dict's own where its scope imports it from the crate.
    TypedDictBare,
    /// `#[krate::typed_dict]`: typed-dict's own. Makes the struct a typed dict, in place.
    TypedDict,
    /// `#[cfg(..)]`: keeps the item or removes it. An item around a typed dict that is
    /// being expanded is kept; an item beside it may not be.
    Cfg,
    /// `#[derive(..)]`: leaves the item as it is, but a derive may declare other items
    /// with its name (a typed dict among them).
    Derive,
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
    /// The 1-based line and column (in characters) it starts at.
    at: (usize, usize),
    /// For a delimiter, the index of its partner.
    partner: usize,
}

/// A `struct NAME` of the file.
#[derive(Debug)]
struct StructAt {
    name: String,
    /// The 1-based line and column (in characters, as rustc counts) of its name.
    at: (usize, usize),
    /// Its scope; `None` where that is uncertain (another macro's input).
    scope: Option<usize>,
    /// Whether its `#[typed_dict]` is bare, typed-dict's only if its scope imports it so.
    bare: bool,
}

/// The `use` declarations of one scope that bear on a bare `typed_dict`.
#[derive(Clone, Copy, Debug, Default)]
struct Imports {
    /// `use krate::typed_dict;`, or in a tree under the crate's name.
    ours: bool,
    /// `typed_dict` bound from anywhere else.
    other: bool,
    /// `use krate::*;`.
    glob_ours: bool,
    /// A glob of anything but the crate or the standard library (`use super::*;`), which
    /// may bring another `typed_dict`.
    glob_other: bool,
}

/// The declarations of one file, by scope.
#[derive(Debug)]
struct FileIndex {
    /// Each scope's kind, enclosing scope and imports, by number; scope 0 is the file.
    scopes: Vec<(Scope, Option<usize>, Imports)>,
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
    typed_dict_bare: bool,
    cfg: bool,
    derive: bool,
    other: bool,
}

impl ItemAttributes {
    fn add(&mut self, attribute: Attribute) {
        match attribute {
            Attribute::Inert => {}
            Attribute::TypedDict => self.typed_dict = true,
            Attribute::TypedDictBare => self.typed_dict_bare = true,
            Attribute::Cfg => self.cfg = true,
            Attribute::Derive => self.derive = true,
            Attribute::Other => self.other = true,
        }
    }
}

impl FileIndex {
    /// The index of `text` in a crate that names typed-dict `krate`, in a `package` of
    /// these facts; `None` if nothing in it is judged: its delimiters do not balance, it
    /// has `#[macro_use]` (whose macros shadow the prelude's, in every module of the
    /// crate), or the package is unjudged.
    fn build(text: &str, krate: &str, package: Package) -> Option<FileIndex> {
        if package.unjudged {
            return None;
        }
        let tokens = significant_tokens(text)?;
        let names = Names::resolve(&tokens, krate, package.macro_use)?;
        let mut index = FileIndex {
            scopes: vec![(Scope::Module, None, Imports::default())],
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
                    let attribute = names.attribute(&tokens[bracket + 1..group.partner]);
                    if !inner {
                        frame.attributes.add(attribute);
                    } else if attribute == Attribute::Other
                        && !crate_level(&tokens[bracket + 1..group.partner])
                    {
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
                        Some(parent) if brace => {
                            let kind = match tokens[..at].iter().rev().nth(1) {
                                Some(before) if before.text == "mod" => Scope::Module,
                                _ => Scope::Block,
                            };
                            index.scopes.push((kind, Some(parent), Imports::default()));
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
                TokenKind::Ident if frame.holds_items && token.text == "use" => {
                    if let Some(scope) = frame.scope {
                        names.record_use(&tokens[at + 1..], &mut index.scopes[scope].2);
                    }
                }
                TokenKind::Ident if frame.holds_items => {
                    index.declaration(&tokens, frame, at, &names)
                }
                _ => {}
            }
        }
        Some(index)
    }

    /// Records the declaration the keyword `tokens[at]` starts, if it is one.
    fn declaration(&mut self, tokens: &[Token], frame: &Frame, at: usize, names: &Names) {
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
            // A typed dict is placed where its file puts it only if this crate's
            // `#[typed_dict]` is written on it, nothing may move it, and no derive may
            // copy its name into a typed dict of its own.
            let marked = attributes.typed_dict || attributes.typed_dict_bare;
            let placed = marked && !attributes.other && !attributes.derive;
            self.structs.push(StructAt {
                name: name_text.clone(),
                at: name.at,
                scope: frame.scope.filter(|_| placed),
                bare: !attributes.typed_dict,
            });
        }
        let Some(scope) = frame.scope else {
            return;
        };
        let has_inner_attributes = matches!(what, Declaration::Module | Declaration::Trait);
        if attributes.cfg
            || attributes.other
            || (has_inner_attributes && !inert_body(tokens, at + 2, names))
        {
            return;
        }
        self.declared
            .entry(name_text)
            .or_default()
            .push((scope, what));
    }

    /// Whether `name` is declared in the scope of the struct `ident` whose name starts at
    /// `at` (1-based line and column) of the text. (A name a macro was given elsewhere,
    /// `make!(Queue)`, is at no `struct Queue` of the text.)
    fn taken(&self, ident: &str, at: (usize, usize), name: &str) -> Option<Taken> {
        let declared = self.declared.get(name)?;
        let found = self
            .structs
            .iter()
            .find(|found| found.name == ident && found.at == at)?;
        let scope = found.scope?;
        if found.bare && !self.imports_typed_dict(scope) {
            return None;
        }
        declared
            .iter()
            .find(|(at, _)| *at == scope)
            .map(|&(_, what)| Taken {
                what,
                in_block: self.scopes[scope].0 == Scope::Block,
            })
    }

    /// Whether a bare `typed_dict` in `scope` is typed-dict's: imported from the crate in
    /// the scope or the blocks around it, up to its module (a module sees its own imports
    /// only), and from nowhere else; or brought by a glob of the crate and no other glob.
    fn imports_typed_dict(&self, scope: usize) -> bool {
        let mut seen = Imports::default();
        let mut at = Some(scope);
        while let Some(scope) = at {
            let (kind, parent, imports) = self.scopes[scope];
            seen.ours |= imports.ours;
            seen.other |= imports.other;
            seen.glob_ours |= imports.glob_ours;
            seen.glob_other |= imports.glob_other;
            at = parent.filter(|_| kind == Scope::Block);
        }
        !seen.other && (seen.ours || (seen.glob_ours && !seen.glob_other))
    }
}

/// The tokens of `text` that are not whitespace or comments, each with its line and each
/// delimiter with its partner; `None` if the delimiters do not balance or a block comment
/// is left open.
fn significant_tokens(text: &str) -> Option<Vec<Token<'_>>> {
    let bom = if text.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    };
    let start = bom + lexer::strip_shebang(&text[bom..]).unwrap_or(0);
    let mut tokens: Vec<Token> = Vec::new();
    let mut open = Vec::new();
    let mut offset = start;
    let mut line = 1 + text[..start].matches('\n').count();
    // Counted as the tokens go: one pass, however long a line is.
    let line_start = text[..start].rfind('\n').map_or(bom, |newline| newline + 1);
    let mut column = 1 + text[line_start..start].chars().count();
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
                    at: (line, column),
                    partner,
                });
            }
            match piece.rfind('\n') {
                Some(last) => {
                    line += piece.bytes().filter(|byte| *byte == b'\n').count();
                    column = 1 + piece[last + 1..].chars().count();
                }
                None => column += piece.chars().count(),
            }
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
            // An item macro: `thread_local! { .. }`.
            TokenKind::Ident
                if tokens
                    .get(at + 2)
                    .is_some_and(|bang| bang.kind == TokenKind::Bang) =>
            {
                true
            }
            TokenKind::Ident => STARTS.contains(&next.text),
            _ => false,
        },
    }
}

/// Whether the body of the module or trait whose tokens after its name begin at
/// `tokens[from]` has only inert inner attributes (`mod m { #![cfg(any())] }` removes
/// `m`). A module's body follows its name; a trait's is its first block, and a trait with
/// generics or bounds before it (`Foo<{ 1 }>`) is uncertain, as is a module in a file of
/// its own (`mod m;`), whose inner attributes are not read.
fn inert_body(tokens: &[Token], from: usize, names: &Names) -> bool {
    let header = tokens[from..]
        .iter()
        .position(|token| matches!(token.kind, TokenKind::OpenBrace | TokenKind::Semi));
    match header {
        Some(0) if tokens[from].kind == TokenKind::OpenBrace => {
            inner_attributes_inert(tokens, from + 1, names)
        }
        Some(length)
            if tokens[from + length].kind == TokenKind::OpenBrace
                && tokens[from..from + length]
                    .iter()
                    .all(|token| token.kind != TokenKind::Lt) =>
        {
            inner_attributes_inert(tokens, from + length + 1, names)
        }
        _ => false,
    }
}

/// Whether the inner attributes that begin at `tokens[from]` are all inert.
fn inner_attributes_inert(tokens: &[Token], from: usize, names: &Names) -> bool {
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
        if names.attribute(&tokens[at + 3..close]) != Attribute::Inert {
            return false;
        }
        at = close + 1;
    }
}

/// What the file's imports and modules say about the attribute names it judges.
struct Names<'a> {
    /// The name the crate gives typed-dict.
    krate: &'a str,
    /// Whether `derive` may not be the prelude's: a `use` brings one from outside the
    /// standard library, or a `#[macro_use]` elsewhere in the package may (its macros
    /// shadow the prelude's in every module of the crate, with no ambiguity).
    derive_shadowed: bool,
    /// Whether a module or an import of the file binds the crate's name, so that
    /// `krate::typed_dict` may name something of its own.
    krate_shadowed: bool,
}

impl<'a> Names<'a> {
    /// The names of `tokens`, or `None` if the file has `#[macro_use]`.
    fn resolve(
        tokens: &[Token<'a>],
        krate: &'a str,
        macro_use_elsewhere: bool,
    ) -> Option<Names<'a>> {
        let mut names = Names {
            krate,
            derive_shadowed: macro_use_elsewhere,
            krate_shadowed: false,
        };
        for (at, token) in tokens.iter().enumerate() {
            let next = tokens.get(at + 1);
            match token.text {
                "macro_use" => return None,
                "mod" if next.is_some_and(|name| unraw(name.text) == krate) => {
                    names.krate_shadowed = true;
                }
                "as" if next.is_some_and(|name| unraw(name.text) == krate) => {
                    // `use helper as typed_dict;`, `extern crate helper as typed_dict;`
                    names.krate_shadowed = true;
                }
                "use" => {
                    let (root, bound, _) = use_tree(&tokens[at + 1..]);
                    // Even `use std::derive;`: a module of the file may be named `std`.
                    names.derive_shadowed |= bound.contains(&DERIVE.as_str());
                    names.krate_shadowed |= root != krate && bound.contains(&krate);
                }
                _ => {}
            }
        }
        Some(names)
    }

    /// Records into `imports` what the `use` whose tree begins at `tokens[0]` brings.
    fn record_use(&self, tokens: &[Token], imports: &mut Imports) {
        let (root, bound, glob) = use_tree(tokens);
        let ours = root == self.krate;
        if bound.contains(&TYPED_DICT.as_str()) {
            imports.ours |= ours;
            imports.other |= !ours;
        }
        if glob {
            imports.glob_ours |= ours;
            imports.glob_other |= !ours && !["std", "core", "alloc"].contains(&root);
        }
    }

    /// What the attribute whose tokens inside the brackets are `inside` may do.
    fn attribute(&self, inside: &[Token]) -> Attribute {
        let mut path = Vec::new();
        for token in inside {
            match token.kind {
                TokenKind::Ident | TokenKind::RawIdent => path.push(unraw(token.text)),
                TokenKind::Colon => {}
                _ => break,
            }
        }
        let is = |name: &str, symbol: Symbol| name == symbol.as_str();
        match path.as_slice() {
            [name] if is(name, CFG) => Attribute::Cfg,
            [name] if is(name, DERIVE) && !self.derive_shadowed => Attribute::Derive,
            [name] if INERT_ATTRIBUTES.iter().any(|inert| is(name, *inert)) => Attribute::Inert,
            [name] if is(name, TYPED_DICT) => Attribute::TypedDictBare,
            [krate, name] if is(name, TYPED_DICT) => {
                if *krate == self.krate && !self.krate_shadowed {
                    Attribute::TypedDict
                } else {
                    Attribute::Other
                }
            }
            _ => Attribute::Other,
        }
    }
}

/// Whether the inner attribute whose tokens inside the brackets are `inside` is a built-in
/// crate-level one (`#![no_std]`), which moves nothing.
fn crate_level(inside: &[Token]) -> bool {
    const CRATE_LEVEL: [&str; 8] = [
        "no_std",
        "no_main",
        "feature",
        "recursion_limit",
        "type_length_limit",
        "crate_name",
        "crate_type",
        "windows_subsystem",
    ];
    matches!(inside.first(), Some(name) if CRATE_LEVEL.contains(&name.text))
        && !matches!(inside.get(1), Some(next) if next.kind == TokenKind::Colon)
}

/// The root of the use tree that begins at `tokens[0]` (after the `use`), the names it
/// binds (each last segment, `a::b` or `{b, c}`, or rename, `as c`), and whether it has a
/// glob. Nothing for what is not a use tree (`impl Sized + use<'a>`).
fn use_tree<'a>(tokens: &[Token<'a>]) -> (&'a str, Vec<&'a str>, bool) {
    let tree: Vec<&Token> = tokens
        .iter()
        .take_while(|token| {
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
        })
        .collect();
    let Some(root) = tree.iter().find(|token| token.kind != TokenKind::Colon) else {
        return ("", Vec::new(), false);
    };
    let glob = tree.iter().any(|token| token.kind == TokenKind::Star);
    let bound = tree
        .iter()
        .enumerate()
        .filter(|(at, token)| {
            let ends = tree
                .get(at + 1)
                .is_none_or(|next| matches!(next.kind, TokenKind::Comma | TokenKind::CloseBrace));
            matches!(token.kind, TokenKind::Ident | TokenKind::RawIdent) && ends
        })
        .map(|(_, token)| unraw(token.text))
        .collect();
    (unraw(root.text), bound, glob)
}

/// One file's index, and what it was read from.
struct Cached {
    modified: Option<SystemTime>,
    len: u64,
    krate: String,
    index: Option<Rc<FileIndex>>,
}

thread_local! {
    /// Every file indexed in this build: each of a file's typed dicts asks the same index.
    /// A file edited since (rust-analyzer keeps the macro loaded across edits) is read again.
    static INDEXES: std::cell::RefCell<HashMap<PathBuf, Cached>> = Default::default();
}

/// [`FileIndex::build`] of the file at `path`, cached while it is unchanged.
fn cached_index(path: &Path, krate: &str) -> Option<Rc<FileIndex>> {
    let meta = std::fs::metadata(path).ok()?;
    let (modified, len) = (meta.modified().ok(), meta.len());
    INDEXES.with(|indexes| {
        let mut indexes = indexes.borrow_mut();
        if let Some(cached) = indexes.get(path) {
            let unchanged = cached.modified == modified && cached.len == len;
            if unchanged && modified.is_some() && cached.krate == krate {
                return cached.index.clone();
            }
        }
        let package = package(krate);
        let index = std::fs::read_to_string(path)
            .ok()
            .and_then(|text| FileIndex::build(&text, krate, package))
            .map(Rc::new);
        indexes.insert(
            path.to_owned(),
            Cached {
                modified,
                len,
                krate: krate.to_owned(),
                index: index.clone(),
            },
        );
        index
    })
}

/// The most source files and folders [`sources_under`] lists before it assumes the worst.
const MOST_SOURCES: usize = 20_000;

/// What the package's other files may do to every file's names.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Package {
    /// A source mentions `macro_use`: a `#[macro_use] extern crate` in the crate's root
    /// shadows the prelude's `derive` in every file.
    macro_use: bool,
    /// Nothing is judged: the package is of edition 2015 (whose paths start at the crate's
    /// root, where any module may bear the crate's name), a source rebinds a crate name
    /// (`extern crate self as typed_dict;`), or the package cannot be read.
    unjudged: bool,
}

impl Package {
    /// A package that cannot be read: nothing is judged.
    const UNREADABLE: Package = Package {
        macro_use: true,
        unjudged: true,
    };
}

/// The package's [`Package`] facts, from the Rust sources under its folder (outside
/// `target` and hidden folders, symbolic links followed) and the target roots its manifest
/// names, inside the folder or outside it (`[lib] path = "../lib.rs"`, trybuild's tests, a
/// build script). Read once per package.
fn package(krate: &str) -> Package {
    thread_local! {
        static SCANNED: std::cell::RefCell<HashMap<(PathBuf, String), Package>> =
            Default::default();
    }
    let Some(dir) = std::env::var_os("CARGO_MANIFEST_DIR").map(PathBuf::from) else {
        return Package::UNREADABLE;
    };
    let key = (dir, krate.to_owned());
    if let Some(known) = SCANNED.with(|scanned| scanned.borrow().get(&key).copied()) {
        return known;
    }
    let dir = &key.0;
    let facts = (|| {
        let manifest = std::fs::read_to_string(dir.join("Cargo.toml")).ok()?;
        let manifest = toml_span::parse(&manifest).ok()?;
        let mut facts = Package {
            macro_use: false,
            unjudged: !edition_2018_or_later(dir, &manifest)?,
        };
        let mut sources = sources_under(dir)?;
        sources.extend(target_roots(dir, &manifest));
        let rebinds = format!("as {krate}");
        for source in sources {
            let text = std::fs::read_to_string(source).ok()?;
            facts.macro_use |= text.contains("macro_use");
            facts.unjudged |= text.contains("extern crate")
                && (text.contains(&rebinds) || text.contains("self as"));
        }
        Some(facts)
    })()
    .unwrap_or(Package::UNREADABLE);
    SCANNED.with(|scanned| scanned.borrow_mut().insert(key, facts));
    facts
}

/// Whether the package's edition, as its manifest (or its workspace's) says, is 2018 or
/// later; `None` if that cannot be read.
fn edition_2018_or_later(dir: &Path, manifest: &toml_span::Value) -> Option<bool> {
    let edition = match manifest.pointer("/package/edition") {
        None => return Some(false),
        Some(edition) => match edition.as_str() {
            Some(edition) => edition.to_owned(),
            None => {
                // `edition.workspace = true`: the workspace's, as Cargo finds it.
                let workspace = workspace_manifest(&dir.join("Cargo.toml")).ok()?;
                let text = std::fs::read_to_string(workspace).ok()?;
                let root = toml_span::parse(&text).ok()?;
                let edition = root.pointer("/workspace/package/edition")?.as_str()?;
                edition.to_owned()
            }
        },
    };
    Some(edition.as_str() != "2015")
}

/// The target roots the manifest of `dir` names: `[lib]`, `[[bin]]`, `[[test]]`,
/// `[[example]]` and `[[bench]]` paths, and the build script.
fn target_roots(dir: &Path, manifest: &toml_span::Value) -> Vec<PathBuf> {
    let lib = manifest.pointer("/lib").into_iter();
    let others = ["bin", "test", "example", "bench"]
        .into_iter()
        .filter_map(|kind| manifest.pointer(&format!("/{kind}"))?.as_array())
        .flatten();
    let build = manifest
        .pointer("/package/build")
        .and_then(toml_span::Value::as_str);
    lib.chain(others)
        .filter_map(|target| target.pointer("/path")?.as_str())
        .chain(build)
        .map(|path| dir.join(path))
        .collect()
}

/// Every `.rs` file under `root`, outside `target` and hidden folders, symbolic links
/// followed; `None` if a folder cannot be read or there are more than [`MOST_SOURCES`]
/// files or folders (a link may loop).
fn sources_under(root: &Path) -> Option<Vec<PathBuf>> {
    let mut folders = vec![root.to_owned()];
    let (mut sources, mut visited) = (Vec::new(), 0);
    while let Some(folder) = folders.pop() {
        visited += 1;
        for entry in std::fs::read_dir(&folder).ok()? {
            let path = entry.ok()?.path();
            let name = path.file_name()?.to_string_lossy();
            if name.starts_with('.') || name == "target" {
                continue;
            }
            if std::fs::metadata(&path).ok()?.is_dir() {
                folders.push(path);
            } else if name.ends_with(".rs") {
                sources.push(path);
            }
        }
        if sources.len() + visited > MOST_SOURCES {
            return None;
        }
    }
    Some(sources)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The import that makes a bare `#[typed_dict]` typed-dict's, as the tests' files have.
    const IMPORT: &str = "use typed_dict::typed_dict;";

    /// Asks `text`, below the import, about the struct `ident` whose name starts at `at`
    /// (line and column in `text`); `None` too where the file has no index.
    fn taken(text: &str, ident: &str, (line, column): (usize, usize), name: &str) -> Option<Taken> {
        FileIndex::build(
            &format!("{IMPORT}\n{text}"),
            "typed_dict",
            Package::default(),
        )?
        .taken(ident, (line + 1, column), name)
    }

    fn found(what: Declaration, in_block: bool) -> Option<Taken> {
        Some(Taken { what, in_block })
    }

    /// Where the name of the first `struct Queue ` that begins a line of `text` starts.
    fn queue_at(text: &str) -> (usize, usize) {
        let (line, indented) = text
            .lines()
            .enumerate()
            .find(|(_, line)| line.trim_start().starts_with("struct Queue "))
            .expect("the text declares Queue");
        let indent = indented.len() - indented.trim_start().len();
        (line + 1, indent + "struct ".len() + 1)
    }

    fn judged(text: &str) -> Option<Taken> {
        taken(text, "Queue", queue_at(text), "QueueRequired")
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
                "pub trait QueueRequired: Sized {\n    #![allow(unused)]\n}",
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
            "mod inner {\n    use typed_dict::typed_dict;\n    #[typed_dict]\n    struct Queue {}\n    enum QueueRequired {}\n}\n";
        assert_eq!(judged(module), found(Declaration::Enum, false));
        // A `cfg` around the typed dict holds, since the typed dict is being expanded.
        let tests = "#[cfg(test)]\nmod tests {\n    use typed_dict::*;\n    struct QueueRequired;\n    #[cfg(feature = \"x\")]\n    #[typed_dict]\n    struct Queue {}\n}\n";
        assert_eq!(judged(tests), found(Declaration::Struct, false));
        let crate_level = "#![no_std]\n#![allow(dead_code)]\nuse typed_dict::typed_dict;\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n";
        let index = FileIndex::build(crate_level, "typed_dict", Package::default()).unwrap();
        let found_in_module = found(Declaration::Struct, false);
        assert_eq!(
            index.taken("Queue", (6, 8), "QueueRequired"),
            found_in_module
        );
        let path = "struct QueueRequired;\n#[::typed_dict::typed_dict]\nstruct Queue {}\n";
        assert_eq!(judged(path), found(Declaration::Struct, false));
        let glob = "use typed_dict::*;\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n";
        let index = FileIndex::build(glob, "typed_dict", Package::default()).expect("it balances");
        let found_in_module = found(Declaration::Struct, false);
        assert_eq!(
            index.taken("Queue", (4, 8), "QueueRequired"),
            found_in_module
        );
        let renamed =
            "use td::typed_dict;\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n";
        let index = FileIndex::build(renamed, "td", Package::default()).expect("it balances");
        assert_eq!(
            index.taken("Queue", (4, 8), "QueueRequired"),
            found_in_module
        );
        let unrenamed =
            FileIndex::build(renamed, "typed_dict", Package::default()).expect("it balances");
        assert_eq!(unrenamed.taken("Queue", (4, 8), "QueueRequired"), None);
        let raw = "#[typed_dict] struct r#Queue {}\nstruct QueueRequired;\n";
        assert_eq!(
            taken(raw, "Queue", (1, 22), "QueueRequired"),
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
            "pub trait QueueRequired<const N: usize = { 1 }> {\n    #![allow(unused)]\n}\n#[typed_dict]\nstruct Queue {}\n",
            "mod QueueRequired {\n    #![cfg(any())]\n}\nthread_local! {\n    static K: u8 = 0;\n}\n#[typed_dict]\nstruct Queue {}\n",
            "mod alloc {}\nuse alloc::derive;\n#[derive(Debug)]\nstruct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
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
            // Not under `#[typed_dict]`, or under another crate's.
            "struct Queue {}\nstruct QueueRequired;\n",
            "pub struct QueueRequired;\n#[other::typed_dict]\nstruct Queue {}\n",
            "use other::typed_dict;\npub struct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "use typed_dict::*;\nuse other::typed_dict;\npub struct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            "mod typed_dict {}\npub struct QueueRequired;\n#[typed_dict::typed_dict]\nstruct Queue {}\n",
            // The crate's name bound to something else.
            "use helper as typed_dict;\npub struct QueueRequired;\n#[typed_dict::typed_dict]\nstruct Queue {}\n",
            // A module sees its own imports only: another glob may bring another macro.
            "mod inner {\nuse crate::shim::*;\npub struct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n}\n",
            "mod tests {\nuse super::*;\npub struct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n}\n",
            // Tool-like paths may name a crate or a module of that name.
            "pub struct QueueRequired;\n#[clippy::mover]\n#[typed_dict]\nstruct Queue {}\n",
            "#[rustfmt::skip]\npub struct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
            // `#[macro_use]` may shadow any prelude macro, in the whole crate.
            "#[macro_use]\nextern crate helper;\npub struct QueueRequired;\n#[typed_dict]\nstruct Queue {}\n",
        ] {
            assert_eq!(judged(text), None, "{text}");
        }
        // No `struct Queue` on the line asked about: its tokens came from elsewhere.
        assert_eq!(
            taken(
                "#[typed_dict] struct Queue {}\nstruct QueueRequired;\n",
                "Queue",
                (2, 8),
                "QueueRequired"
            ),
            None
        );
        // Two structs of the name, told apart by their lines, whatever the text spells.
        let two = "fn a() {\n    struct QueueRequired;\n    #[typed_dict] struct Queue {}\n}\n// struct Queue\nfn b() {\n    #[typed_dict] struct /* the other */ Queue {}\n}\n";
        assert!(taken(two, "Queue", (3, 26), "QueueRequired").is_some());
        assert_eq!(taken(two, "Queue", (7, 42), "QueueRequired"), None);
    }

    #[test]
    fn lines_and_columns_are_counted_as_rustc_counts_them() {
        // rustc drops a byte-order mark, then an interpreter line; columns count characters.
        let script = format!(
            "\u{feff}#!/usr/bin/env run-cargo-script\n{IMPORT} /* é\nb */ fn f() {{}}\n#[typed_dict] struct\n\t Queue {{}}\nstruct QueueRequired;\n"
        );
        let index =
            FileIndex::build(&script, "typed_dict", Package::default()).expect("it balances");
        let found_in_module = found(Declaration::Struct, false);
        assert_eq!(
            index.taken("Queue", (5, 3), "QueueRequired"),
            found_in_module
        );
        assert_eq!(index.taken("Queue", (5, 4), "QueueRequired"), None);
        let first_line = "\u{feff}#[typed_dict] struct Queue {}\nstruct QueueRequired;\nuse typed_dict::typed_dict;\n";
        let index =
            FileIndex::build(first_line, "typed_dict", Package::default()).expect("it balances");
        assert_eq!(
            index.taken("Queue", (1, 22), "QueueRequired"),
            found_in_module
        );
        // U+200E is whitespace to rustc.
        let mark = "#[typed_dict] struct\u{200E}Queue {}\nstruct QueueRequired;\n";
        assert_eq!(
            taken(mark, "Queue", (1, 22), "QueueRequired"),
            found_in_module
        );
        // A name a macro was given on the struct's line is at another column.
        let given = "#[typed_dict] struct Queue {} make!(Queue);\nstruct QueueRequired;\n";
        assert_eq!(taken(given, "Queue", (1, 37), "QueueRequired"), None);
    }

    #[test]
    fn a_macro_use_elsewhere_in_the_package_leaves_derive_unjudged() {
        let text = format!(
            "{IMPORT}\n#[derive(Debug)]\npub struct QueueRequired;\n#[typed_dict]\nstruct Queue {{}}\n"
        );
        let found_in_module = found(Declaration::Struct, false);
        let trusted =
            FileIndex::build(&text, "typed_dict", Package::default()).expect("it balances");
        assert_eq!(
            trusted.taken("Queue", (5, 8), "QueueRequired"),
            found_in_module
        );
        let shadowed = FileIndex::build(
            &text,
            "typed_dict",
            Package {
                macro_use: true,
                unjudged: false,
            },
        )
        .expect("it balances");
        assert_eq!(shadowed.taken("Queue", (5, 8), "QueueRequired"), None);

        let unjudged = Package {
            macro_use: false,
            unjudged: true,
        };
        assert!(FileIndex::build(&text, "typed_dict", unjudged).is_none());

        let package = std::env::temp_dir().join(format!("siblings-{}", std::process::id()));
        let sources = package.join("src");
        std::fs::create_dir_all(package.join("target")).unwrap();
        std::fs::create_dir_all(package.join(".git")).unwrap();
        std::fs::create_dir_all(&sources).unwrap();
        std::fs::write(package.join("target/old.rs"), "").unwrap();
        std::fs::write(package.join(".git/x.rs"), "").unwrap();
        std::fs::write(sources.join("lib.rs"), "pub mod m;").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&sources, package.join("linked")).unwrap();
        let mut found = sources_under(&package).unwrap();
        found.sort();
        let mut expected = vec![sources.join("lib.rs")];
        #[cfg(unix)]
        expected.insert(0, package.join("linked/lib.rs"));
        assert_eq!(found, expected);
        assert_eq!(sources_under(&package.join("missing")), None);
        // Roots and build scripts the manifest names, inside the package or out of it.
        let manifest = "[package]\nname = \"p\"\nbuild = \"../b/build.rs\"\n[[bin]]\nname = \"b\"\npath = \"src/b.rs\"\n[lib]\npath = \"../out/lib.rs\"\n";
        let manifest = toml_span::parse(manifest).unwrap();
        let roots = vec![
            package.join("../out/lib.rs"),
            package.join("src/b.rs"),
            package.join("../b/build.rs"),
        ];
        assert_eq!(target_roots(&package, &manifest), roots);
        // The edition, as written or as the workspace's.
        let edition =
            |text: &str| edition_2018_or_later(&package, &toml_span::parse(text).unwrap());
        assert_eq!(edition("[package]\nedition = \"2021\""), Some(true));
        assert_eq!(edition("[package]\nedition = \"2015\""), Some(false));
        assert_eq!(edition("[package]\nname = \"p\""), Some(false));
        std::fs::write(
            package.join("Cargo.toml"),
            "[workspace]\n[workspace.package]\nedition = \"2024\"\n",
        )
        .unwrap();
        let member = package.join("member");
        std::fs::create_dir_all(&member).unwrap();
        let inherited = toml_span::parse("[package]\nedition.workspace = true").unwrap();
        assert_eq!(edition_2018_or_later(&member, &inherited), Some(true));
        std::fs::remove_dir_all(&package).unwrap();
    }

    #[test]
    fn what_does_not_balance_has_no_index() {
        assert!(
            FileIndex::build("fn f() { struct Queue {}", "typed_dict", Package::default())
                .is_none()
        );
        assert!(FileIndex::build("fn f() { ) }", "typed_dict", Package::default()).is_none());
        assert!(FileIndex::build("/* open", "typed_dict", Package::default()).is_none());
        // Reserved prefixes of later editions are tokens, not errors.
        assert!(
            FileIndex::build("m!(z\"y\" #\"x\"# ##);", "typed_dict", Package::default()).is_some()
        );
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
