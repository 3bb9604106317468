//! Chart colours for the light and dark themes. Fit status is also carried by symbol shape
//! and by the legend text, never by colour alone.

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    pub text: &'static str,
    pub muted: &'static str,
    pub grid: &'static str,
    pub fits: &'static str,
    pub offload: &'static str,
    pub nofit: &'static str,
    pub proprietary: &'static str,
    pub capacity: &'static str,
    pub series: [&'static str; 4],
    pub background: &'static str,
}

impl Palette {
    pub fn new(dark: bool) -> Palette {
        if dark {
            Palette {
                text: "#e2e8f0",
                muted: "#94a3b8",
                grid: "#334155",
                fits: "#4ade80",
                offload: "#fbbf24",
                nofit: "#f87171",
                proprietary: "#c084fc",
                capacity: "#38bdf8",
                series: ["#60a5fa", "#f472b6", "#34d399", "#fbbf24"],
                background: "#0f172a",
            }
        } else {
            Palette {
                text: "#0f172a",
                muted: "#475569",
                grid: "#e2e8f0",
                fits: "#15803d",
                offload: "#b45309",
                nofit: "#b91c1c",
                proprietary: "#7e22ce",
                capacity: "#0369a1",
                series: ["#2563eb", "#db2777", "#059669", "#d97706"],
                background: "#ffffff",
            }
        }
    }
}

use charming::component::{Axis, Legend};
use charming::element::{
    AxisLabel, AxisType, LineStyle, NameLocation, SplitLine, TextStyle, Tooltip, Trigger,
};

/// An axis styled for the theme.
pub fn axis(p: &Palette, name: &str, kind: AxisType) -> Axis {
    Axis::new()
        .type_(kind)
        .name(name)
        .name_location(NameLocation::Middle)
        .name_gap(28)
        .name_text_style(TextStyle::new().color(p.muted))
        .axis_label(AxisLabel::new().color(p.muted))
        .split_line(SplitLine::new().line_style(LineStyle::new().color(p.grid)))
}

pub fn legend(p: &Palette) -> Legend {
    Legend::new()
        .top(0)
        .text_style(TextStyle::new().color(p.text))
}

pub fn item_tooltip() -> Tooltip {
    Tooltip::new().trigger(Trigger::Item)
}
