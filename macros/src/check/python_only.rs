//! The rules of a Python-only type: an annotation to render.

use crate::ctxt::Ctxt;
use crate::model::PythonOnly;
use crate::symbol::PYTHON;

/// Records every rule `python_only` breaks.
pub fn check(cx: &mut Ctxt, python_only: &PythonOnly) {
    if python_only.python.value().trim().is_empty() {
        cx.error_spanned_by(
            &python_only.python,
            format!(
                "`{PYTHON}` of Python-only type `{}` is empty: write the stub's annotation, like `{PYTHON} = \"Callable[..., Any]\"`",
                python_only.ident
            ),
        );
    }
}
