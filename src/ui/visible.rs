//! Panels below the first viewport compute only while they are on screen (or about to be):
//! a change of the context length while the method panel is far below recomputes nothing
//! there, and scrolling it into view brings it up to date.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// How far outside the viewport a panel already counts as visible, so it is up to date by the
/// time it scrolls in.
const MARGIN: &str = "300px";

/// The observer and the callback it calls, kept alive together.
type Observer = (
    web_sys::IntersectionObserver,
    Closure<dyn FnMut(js_sys::Array)>,
);

/// Whether the element behind `node` is within `MARGIN` of the viewport, updated by an
/// IntersectionObserver for as long as the component lives. Without IntersectionObserver
/// (very old browsers) the panel is always treated as visible.
pub fn use_visible<E>(node: NodeRef<E>) -> RwSignal<bool>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let visible = RwSignal::new(false);
    let observer: StoredValue<Option<Observer>, LocalStorage> = StoredValue::new_local(None);
    Effect::new(move |_| {
        let Some(el) = node.get() else {
            return;
        };
        let Ok(el) = el.dyn_into::<web_sys::Element>() else {
            return;
        };
        if observer.with_value(Option::is_some) {
            return;
        }
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(last) = entries.iter().last() {
                let entry: web_sys::IntersectionObserverEntry = last.unchecked_into();
                visible.set(entry.is_intersecting());
            }
        });
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin(MARGIN);
        match web_sys::IntersectionObserver::new_with_options(cb.as_ref().unchecked_ref(), &init) {
            Ok(obs) => {
                obs.observe(&el);
                observer.set_value(Some((obs, cb)));
            }
            Err(_) => visible.set(true),
        }
    });
    on_cleanup(move || {
        observer.update_value(|o| {
            if let Some((obs, _)) = o.take() {
                obs.disconnect();
            }
        });
    });
    visible
}

/// `f()` while `visible`; otherwise the last value computed while visible, without tracking
/// what `f` reads (so its inputs changing off screen recompute nothing); `None` until the panel
/// has been visible once.
pub fn while_visible<T>(
    visible: RwSignal<bool>,
    f: impl Fn() -> T + Send + Sync + 'static,
) -> Memo<Option<T>>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    Memo::new(move |prev: Option<&Option<T>>| {
        if visible.get() {
            Some(f())
        } else {
            prev.cloned().flatten()
        }
    })
}
