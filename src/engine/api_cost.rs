//! What the same work costs on an API: for a stated daily use (input, output, cached share),
//! the monthly bill of the proprietary models the headline compares with, from the dated,
//! sourced prices in `api_prices.json`; beside it the user's hardware: its price spread over
//! a stated life, plus its power at a stated tariff. Every figure is an estimate.
//!
//! Formulas (the method panel names them):
//! - API, per month: `DAYS_PER_MONTH × tokens per day × US$ per million tokens / 1e6`, with
//!   the cached share of input at the cache-read price (at the input price when none is listed);
//! - hardware, per month: `price / (life years × 12)` + `watts × hours per day ×
//!   DAYS_PER_MONTH / 1000 × US$ per kWh`.

use super::analysis::Analysis;
use super::config::{self, Config, DeviceRef, RankBy};
use super::dataset::{ApiPrice, Dataset, Model, Setup};
use super::rank;

/// Days in the month the figures are for: a 30-day month, usage every day (tokens per day
/// are an average over all days, working or not).
pub const DAYS_PER_MONTH: f64 = 30.0;
/// Tokens per "million tokens", the unit API prices are quoted in.
pub const TOKENS_PER_MTOK: f64 = 1e6;
/// Months per year, for spreading a price over a life in years.
pub const MONTHS_PER_YEAR: f64 = 12.0;
/// Watt-hours per kilowatt-hour.
pub const WH_PER_KWH: f64 = 1000.0;

/// The daily use the cost panel prices, clamped to the configuration's ranges.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Usage {
    pub input_tokens_per_day: u64,
    pub output_tokens_per_day: u64,
    /// Share of input billed as a cache read, 0–1.
    pub cached_share: f64,
}

impl Usage {
    pub fn of(cfg: &Config) -> Usage {
        Usage {
            input_tokens_per_day: cfg
                .api_input_tokens_per_day
                .min(config::MAX_API_TOKENS_PER_DAY),
            output_tokens_per_day: cfg
                .api_output_tokens_per_day
                .min(config::MAX_API_TOKENS_PER_DAY),
            cached_share: config::clamp_f64(
                cfg.api_cached_pct,
                0.0,
                config::MAX_API_CACHED_PCT,
                config::DEFAULT_API_CACHED_PCT,
            ) / 100.0,
        }
    }
}

/// One month of API use at one price, US$ (estimates).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MonthlyBill {
    pub input_usd: f64,
    pub cached_usd: f64,
    pub output_usd: f64,
    /// The cached share was billed at the input price: the provider lists no cache price.
    pub cache_unpriced: bool,
}

impl MonthlyBill {
    pub fn total_usd(&self) -> f64 {
        self.input_usd + self.cached_usd + self.output_usd
    }
}

/// US$ for `tokens_per_day` every day of a month at `usd_per_mtok`.
pub fn monthly_usd(tokens_per_day: f64, usd_per_mtok: f64) -> f64 {
    DAYS_PER_MONTH * tokens_per_day * usd_per_mtok / TOKENS_PER_MTOK
}

/// The month's bill for `usage` at `price`.
pub fn monthly_bill(price: &ApiPrice, usage: Usage) -> MonthlyBill {
    let input = usage.input_tokens_per_day as f64;
    let cached = input * usage.cached_share;
    let cache_price = price.cache_read_usd_per_mtok;
    MonthlyBill {
        input_usd: monthly_usd(input - cached, price.input_usd_per_mtok),
        cached_usd: monthly_usd(cached, cache_price.unwrap_or(price.input_usd_per_mtok)),
        output_usd: monthly_usd(
            usage.output_tokens_per_day as f64,
            price.output_usd_per_mtok,
        ),
        cache_unpriced: cache_price.is_none() && cached > 0.0,
    }
}

/// One proprietary model's line.
#[derive(Clone, Debug)]
pub struct ApiCost<'a> {
    pub model: &'a Model,
    /// `None`: the dataset has no API price for it (only ever the leader's line).
    pub price: Option<&'a ApiPrice>,
    pub bill: Option<MonthlyBill>,
    /// Its value on the ranking metric (points), if it has one.
    pub value: Option<f64>,
    /// The best proprietary model of the analysis (the headline's comparison).
    pub leader: bool,
}

/// The headline's proprietary leader first (with or without a price), then every other
/// proprietary model in the analysis' data scope that has a price, best-scoring first on the
/// ranking metric (models without a figure last, by name).
pub fn api_costs<'a>(
    dataset: &'a Dataset,
    a: &Analysis<'a>,
    rank_by: &RankBy,
    usage: Usage,
) -> Vec<ApiCost<'a>> {
    let leader = a.best_proprietary.map(|l| l.model.id.as_str());
    let line = |m: &'a Model| {
        let price = dataset.api_price(&m.id);
        ApiCost {
            model: m,
            price,
            bill: price.map(|p| monthly_bill(p, usage)),
            value: rank::model_scores(dataset, a.scope, &m.id, rank_by).value,
            leader: Some(m.id.as_str()) == leader,
        }
    };
    let mut rest: Vec<ApiCost<'a>> = dataset
        .models
        .iter()
        .filter(|m| !m.open_weight && a.scope.includes_model(m))
        .filter(|m| Some(m.id.as_str()) != leader && dataset.api_price(&m.id).is_some())
        .map(line)
        .collect();
    rest.sort_by(|x, y| match (x.value, y.value) {
        (Some(p), Some(q)) => q
            .total_cmp(&p)
            .then_with(|| x.model.name.cmp(&y.model.name)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => x.model.name.cmp(&y.model.name),
    });
    leader
        .and_then(|id| dataset.model(id))
        .map(line)
        .into_iter()
        .chain(rest)
        .collect()
}

/// The setup whose devices are exactly the configuration's (known devices, memory in use at
/// its default), if the dataset lists one.
pub fn matching_setup<'a>(dataset: &'a Dataset, cfg: &Config) -> Option<&'a Setup> {
    let mine: Option<Vec<(&str, u32)>> = cfg
        .hardware
        .iter()
        .map(|c| match (&c.device, c.reserved_gb) {
            (DeviceRef::Known(id), None) => Some((id.as_str(), c.count)),
            _ => None,
        })
        .collect();
    let mut mine = mine?;
    mine.sort_unstable();
    dataset.setups.iter().find(|s| {
        let mut theirs: Vec<(&str, u32)> = s
            .devices
            .iter()
            .map(|d| (d.device.as_str(), d.count))
            .collect();
        theirs.sort_unstable();
        theirs == mine
    })
}

/// Where the hardware price came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceFrom {
    /// The user typed it.
    Typed,
    /// The matching setup's price in the dataset.
    Setup,
    /// Neither: the price is unknown.
    Unknown,
}

/// The user's hardware per month (estimates).
#[derive(Clone, Debug)]
pub struct HardwareCost<'a> {
    pub setup: Option<&'a Setup>,
    pub price_usd: Option<f64>,
    pub price_from: PriceFrom,
    pub life_years: f64,
    /// `price / (life × 12)`.
    pub amortised_usd_month: Option<f64>,
    /// The setup's power figure, watts.
    pub power_w: Option<f64>,
    pub hours_per_day: f64,
    pub kwh_usd: f64,
    /// `watts × hours × days / 1000 × US$ per kWh`.
    pub power_usd_month: Option<f64>,
}

impl HardwareCost<'_> {
    /// Amortisation plus power; `None` unless the price is known (power alone is not the cost).
    pub fn total_usd_month(&self) -> Option<f64> {
        self.amortised_usd_month
            .map(|a| a + self.power_usd_month.unwrap_or(0.0))
    }
}

/// US$ a month for a price spread over `life_years`.
pub fn amortised_usd_month(price_usd: f64, life_years: f64) -> f64 {
    price_usd / (life_years * MONTHS_PER_YEAR)
}

/// US$ a month for drawing `watts` for `hours_per_day` every day at `kwh_usd`.
pub fn power_usd_month(watts: f64, hours_per_day: f64, kwh_usd: f64) -> f64 {
    watts * hours_per_day * DAYS_PER_MONTH / WH_PER_KWH * kwh_usd
}

/// The configuration's hardware per month: the typed price, else its setup's; its setup's power.
pub fn hardware_cost<'a>(dataset: &'a Dataset, cfg: &Config) -> HardwareCost<'a> {
    let setup = matching_setup(dataset, cfg);
    let typed = cfg
        .hardware_price_usd
        .filter(|p| p.is_finite())
        .map(|p| p.clamp(0.0, config::MAX_HARDWARE_PRICE_USD));
    let (price_usd, price_from) = match (typed, setup.and_then(|s| s.price_usd)) {
        (Some(p), _) => (Some(p), PriceFrom::Typed),
        (None, Some(p)) => (Some(p), PriceFrom::Setup),
        (None, None) => (None, PriceFrom::Unknown),
    };
    let life_years = config::clamp_f64(
        cfg.life_years,
        config::MIN_LIFE_YEARS,
        config::MAX_LIFE_YEARS,
        config::DEFAULT_LIFE_YEARS,
    );
    let hours_per_day = config::clamp_f64(
        cfg.hours_per_day,
        0.0,
        config::MAX_HOURS_PER_DAY,
        config::DEFAULT_HOURS_PER_DAY,
    );
    let kwh_usd = config::clamp_f64(
        cfg.kwh_usd,
        0.0,
        config::MAX_KWH_USD,
        config::DEFAULT_KWH_USD,
    );
    let power_w = setup.and_then(|s| s.power_w);
    HardwareCost {
        setup,
        price_usd,
        price_from,
        life_years,
        amortised_usd_month: price_usd.map(|p| amortised_usd_month(p, life_years)),
        power_w,
        hours_per_day,
        kwh_usd,
        power_usd_month: power_w.map(|w| power_usd_month(w, hours_per_day, kwh_usd)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::analysis::analyze;
    use crate::engine::fixture;

    fn usage(input: u64, output: u64, cached_pct: f64) -> Usage {
        Usage::of(&Config {
            api_input_tokens_per_day: input,
            api_output_tokens_per_day: output,
            api_cached_pct: cached_pct,
            ..Config::default()
        })
    }

    /// By hand, the fixture's `closed` at $5 in / $25 out / $0.50 cache read, 20M in and 0.4M
    /// out a day: 30 × 20 × 5 = $3,000 input, 30 × 0.4 × 25 = $300 output, $3,300 a month.
    /// With half the input cached: 30 × 10 × 5 = 1,500, + 30 × 10 × 0.5 = 150, + 300 = $1,950.
    #[test]
    fn monthly_bills_by_hand() {
        let ds = fixture::dataset();
        let closed = ds.api_price("closed").unwrap();
        let b = monthly_bill(closed, usage(20_000_000, 400_000, 0.0));
        assert!((b.input_usd - 3000.0).abs() < 1e-9 && b.cached_usd == 0.0);
        assert!((b.output_usd - 300.0).abs() < 1e-9);
        assert!((b.total_usd() - 3300.0).abs() < 1e-9);
        let b = monthly_bill(closed, usage(20_000_000, 400_000, 50.0));
        assert!((b.total_usd() - 1950.0).abs() < 1e-9, "{b:?}");
        assert!(!b.cache_unpriced);
        // `closed-mini` lists no cache price: cached input costs as input, and it says so.
        let mini = ds.api_price("closed-mini").unwrap();
        let b = monthly_bill(mini, usage(1_000_000, 0, 50.0));
        assert!((b.total_usd() - 30.0).abs() < 1e-9 && b.cache_unpriced);
        // A cached share beyond 100 % is clamped; NaN is the default (none).
        assert_eq!(usage(1, 1, 250.0).cached_share, 1.0);
        assert_eq!(usage(1, 1, f64::NAN).cached_share, 0.0);
    }

    /// The leader first, then the other priced models best-scoring first; a leader without a
    /// price still comes first, without a bill.
    #[test]
    fn the_leader_comes_first_then_best_scoring() {
        let ds = fixture::dataset();
        let cfg = Config::default();
        let a = analyze(ds, &cfg);
        let lines = api_costs(ds, &a, &cfg.rank, Usage::of(&cfg));
        let ids: Vec<&str> = lines.iter().map(|l| l.model.id.as_str()).collect();
        assert_eq!(ids, ["closed", "closed-mini"]);
        assert!(lines[0].leader && !lines[1].leader);
        let mut unpriced = ds.clone();
        unpriced.api_prices.retain(|p| p.model != "closed");
        let a = analyze(&unpriced, &cfg);
        let lines = api_costs(&unpriced, &a, &cfg.rank, Usage::of(&cfg));
        assert_eq!(lines[0].model.id, "closed");
        assert!(lines[0].leader && lines[0].price.is_none() && lines[0].bill.is_none());
        assert_eq!(lines.len(), 2);
    }

    /// By hand, one card24 ($1,000, 300 W) over 3 years at 8 h a day and $0.18/kWh:
    /// 1000 / 36 = $27.78 a month; 300 × 8 × 30 / 1000 = 72 kWh × 0.18 = $12.96.
    #[test]
    fn hardware_per_month_by_hand() {
        let ds = fixture::dataset();
        let cfg = fixture::config("card24", 1);
        let h = hardware_cost(ds, &cfg);
        assert_eq!(h.setup.map(|s| s.id.as_str()), Some("s-one24"));
        assert_eq!(h.price_from, PriceFrom::Setup);
        assert!((h.amortised_usd_month.unwrap() - 1000.0 / 36.0).abs() < 1e-9);
        assert!((h.power_usd_month.unwrap() - 12.96).abs() < 1e-9);
        assert!((h.total_usd_month().unwrap() - (1000.0 / 36.0 + 12.96)).abs() < 1e-9);
        // Two cards match the two-card setup; the order of rows does not matter.
        assert_eq!(
            matching_setup(ds, &fixture::config("card24", 2)).map(|s| s.id.as_str()),
            Some("s-two24")
        );
        // No priced setup: unknown until the user types a price, which then wins.
        let dc = fixture::config("dc80", 1);
        let h = hardware_cost(ds, &dc);
        assert_eq!(h.price_from, PriceFrom::Unknown);
        assert!(h.total_usd_month().is_none() && h.power_usd_month.is_none());
        let typed = Config {
            hardware_price_usd: Some(3600.0),
            life_years: 2.0,
            ..dc
        };
        let h = hardware_cost(ds, &typed);
        assert_eq!(h.price_from, PriceFrom::Typed);
        assert!((h.total_usd_month().unwrap() - 150.0).abs() < 1e-9);
        // Memory in use changed by hand: not the setup as sold.
        let mut reserved = fixture::config("card24", 1);
        reserved.hardware[0].reserved_gb = Some(2.0);
        assert!(matching_setup(ds, &reserved).is_none());
    }
}
