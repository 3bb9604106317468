//! A text input that accepts what people type and shows a message beside itself when the
//! text makes no sense, instead of changing anything.

use leptos::prelude::*;

/// `parse` turns the text into an action on the config, or a message for the user.
#[component]
pub fn ParsedField(
    id: &'static str,
    label: &'static str,
    initial: String,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] list: &'static str,
    parse: impl Fn(&str) -> Result<(), String> + 'static,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = if hint.is_empty() {
        error_id.clone()
    } else {
        format!("{hint_id} {error_id}")
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id>{label}</label>
            <input id=id type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
                value=initial
                list=(!list.is_empty()).then_some(list)
                aria-invalid=move || if error.get().is_some() { "true" } else { "false" }
                aria-describedby=described
                on:input=move |ev| error.set(parse(&event_target_value(&ev)).err())/>
            {(!hint.is_empty()).then(|| view! { <small id=hint_id.clone() class="hint">{hint}</small> })}
            <small id=error_id class="error" role="alert">{move || error.get().unwrap_or_default()}</small>
        </div>
    }
}
