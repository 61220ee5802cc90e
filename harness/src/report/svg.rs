//! Inline SVG charts for the HTML report: horizontal bar charts of time ratios and line charts
//! of trends. The SVG is static (no script), with `<title>` elements as hover tooltips, so the
//! page needs nothing from the network.

use std::fmt::Write;

use super::html::escape;

/// Maps a domain of values linearly onto a range of pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LinearScale {
    domain: (f64, f64),
    range: (f64, f64),
}

impl LinearScale {
    /// A scale taking `domain.0` to `range.0` and `domain.1` to `range.1`. The range may run
    /// backwards, as a y axis does in SVG.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> LinearScale {
        LinearScale { domain, range }
    }

    /// The pixel position of `value`. A domain of zero width maps everything to the middle of
    /// the range, so a chart of one value or of equal values still draws.
    pub fn map(&self, value: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        if (d1 - d0).abs() < f64::EPSILON * d0.abs().max(d1.abs()).max(1.0) {
            return (r0 + r1) / 2.0;
        }
        r0 + (value - d0) / (d1 - d0) * (r1 - r0)
    }
}

/// Tick values for an axis covering `[min, max]`: multiples of 1, 2 or 5 times a power of ten,
/// about `target` of them, the first at or below `min` and the last at or above `max`.
pub fn nice_ticks(min: f64, max: f64, target: usize) -> Vec<f64> {
    if !min.is_finite() || !max.is_finite() || target == 0 {
        return Vec::new();
    }
    let (min, max) = if max - min < 1e-12 {
        (min - 0.5, max + 0.5)
    } else {
        (min, max)
    };
    let raw_step = (max - min) / target as f64;
    let magnitude = 10f64.powf(raw_step.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|factor| factor * magnitude)
        .find(|step| *step >= raw_step)
        .unwrap_or(10.0 * magnitude);
    let first = (min / step + 1e-9).floor() as i64;
    let last = (max / step - 1e-9).ceil() as i64;
    // Rounding to the step's decimals keeps 0.30000000000000004 out of the ticks.
    let scale = 10f64.powi((-step.log10().floor()).max(0.0) as i32);
    (first..=last)
        .map(|index| (index as f64 * step * scale).round() / scale)
        .collect()
}

/// A tick label: as few decimals as the step needs.
fn tick_label(value: f64, step: f64) -> String {
    let decimals = if step >= 1.0 {
        0
    } else {
        (-step.log10().floor()) as usize
    };
    format!("{value:.decimals$}")
}

/// One bar of a bar chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The row's label, such as a file name.
    pub label: String,
    /// The bar's length in the chart's unit.
    pub value: f64,
    /// Whether the value counts; others are drawn grey.
    pub counted: bool,
}

/// Geometry of a bar chart row.
const BAR_ROW: f64 = 18.0;
const BAR_LABEL_WIDTH: f64 = 170.0;
const CHART_WIDTH: f64 = 760.0;

/// A horizontal bar chart of ratios, one row per bar, with a dashed line at `parity` (1.0 for
/// time ratios: left of it ferrolua is faster, right of it slower).
pub fn bar_chart(title: &str, bars: &[Bar], parity: f64) -> String {
    // The title sits above the parity label, which sits above the first bar.
    let top = 40.0;
    let axis_height = 22.0;
    let height = top + BAR_ROW * bars.len() as f64 + axis_height;
    let plot_left = BAR_LABEL_WIDTH;
    let plot_right = CHART_WIDTH - 50.0;
    let max_value = bars
        .iter()
        .map(|bar| bar.value)
        .filter(|value| value.is_finite())
        .fold(parity, f64::max);
    let ticks = nice_ticks(0.0, max_value, 6);
    let domain_max = ticks.last().copied().unwrap_or(max_value);
    let x = LinearScale::new((0.0, domain_max), (plot_left, plot_right));
    let step = ticks.get(1).map_or(1.0, |second| second - ticks[0]);
    let bottom = top + BAR_ROW * bars.len() as f64;

    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {CHART_WIDTH} {height:.0}\" \
         width=\"{CHART_WIDTH}\" height=\"{height:.0}\" role=\"img\" aria-label=\"{}\">",
        escape(title)
    );
    let _ = write!(
        svg,
        "<text x=\"0\" y=\"16\" class=\"chart-title\">{}</text>",
        escape(title)
    );
    for tick in &ticks {
        let tick_x = x.map(*tick);
        let _ = write!(
            svg,
            "<line x1=\"{tick_x:.1}\" y1=\"{top:.1}\" x2=\"{tick_x:.1}\" y2=\"{bottom:.1}\" class=\"grid\"/>\
             <text x=\"{tick_x:.1}\" y=\"{:.1}\" class=\"tick\" text-anchor=\"middle\">{}</text>",
            bottom + 15.0,
            tick_label(*tick, step)
        );
    }
    for (index, bar) in bars.iter().enumerate() {
        let row_y = top + BAR_ROW * index as f64;
        let value = if bar.value.is_finite() {
            bar.value.max(0.0)
        } else {
            0.0
        };
        let class = if !bar.counted {
            "bar-uncounted"
        } else if bar.value <= parity {
            "bar-good"
        } else {
            "bar-bad"
        };
        let width = x.map(value) - plot_left;
        let _ = write!(
            svg,
            "<g><title>{}: {:.2}{}</title>\
             <text x=\"{:.1}\" y=\"{:.1}\" class=\"bar-label\" text-anchor=\"end\">{}</text>\
             <rect x=\"{plot_left:.1}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"{:.1}\" class=\"{class}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" class=\"bar-value\">{:.2}</text></g>",
            escape(&bar.label),
            bar.value,
            if bar.counted { "" } else { " (not counted)" },
            plot_left - 6.0,
            row_y + 13.0,
            escape(&bar.label),
            row_y + 3.0,
            BAR_ROW - 6.0,
            plot_left + width + 4.0,
            row_y + 13.0,
            bar.value
        );
    }
    let parity_x = x.map(parity);
    let _ = write!(
        svg,
        "<line x1=\"{parity_x:.1}\" y1=\"{:.1}\" x2=\"{parity_x:.1}\" y2=\"{bottom:.1}\" class=\"parity\"/>\
         <text x=\"{parity_x:.1}\" y=\"{:.1}\" class=\"tick\" text-anchor=\"middle\">parity</text></svg>",
        top - 4.0,
        top - 7.0
    );
    svg
}

/// One line of a line chart: a value per run, `None` where the run did not measure it.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The legend's text.
    pub name: String,
    /// A CSS colour.
    pub color: &'static str,
    /// One value per x position.
    pub values: Vec<Option<f64>>,
}

/// How a line chart's y axis is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct YAxis {
    /// The lowest value shown, if fixed (such as 0 for percentages); else the data's.
    pub min: Option<f64>,
    /// The highest value shown, if fixed (such as 100 for percentages); else the data's.
    pub max: Option<f64>,
    /// Appended to tick labels and tooltips, such as `%`.
    pub unit: &'static str,
    /// A dashed reference line, such as parity at 1.0 for time ratios.
    pub reference_line: Option<f64>,
}

/// A line chart with one x position per run, labelled by `x_labels`, and one polyline per
/// series; a gap in a series (`None`) breaks its line.
pub fn line_chart(title: &str, x_labels: &[String], series: &[Series], axis: YAxis) -> String {
    let height = 280.0;
    let (left, right, top, bottom) = (56.0, CHART_WIDTH - 16.0, 44.0, height - 52.0);
    let values = series
        .iter()
        .flat_map(|series| series.values.iter().flatten().copied())
        .filter(|value| value.is_finite())
        .chain(axis.reference_line)
        .collect::<Vec<_>>();
    let data_min = values.iter().copied().fold(f64::INFINITY, f64::min);
    let data_max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let (low, high) = match (axis.min, axis.max, values.is_empty()) {
        (Some(low), Some(high), _) => (low, high),
        (_, _, true) => (axis.min.unwrap_or(0.0), axis.max.unwrap_or(1.0)),
        (low, high, false) => (low.unwrap_or(data_min), high.unwrap_or(data_max)),
    };
    let ticks = nice_ticks(low, high, 5);
    let step = ticks.get(1).map_or(1.0, |second| second - ticks[0]);
    let domain = (
        ticks.first().copied().unwrap_or(low),
        ticks.last().copied().unwrap_or(high),
    );
    let y = LinearScale::new(domain, (bottom, top));
    let n = x_labels.len().max(1);
    // Points keep clear of the sides, so that the first and last labels are not cut.
    let x = LinearScale::new((0.0, (n - 1) as f64), (left + 50.0, right - 50.0));

    let mut svg = String::new();
    let _ = write!(
        svg,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {CHART_WIDTH} {height}\" \
         width=\"{CHART_WIDTH}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">\
         <text x=\"0\" y=\"16\" class=\"chart-title\">{}</text>",
        escape(title),
        escape(title)
    );
    // The legend, in one row under the title.
    let mut legend_x = 0.0;
    for series in series {
        let _ = write!(
            svg,
            "<rect x=\"{legend_x:.1}\" y=\"24\" width=\"12\" height=\"4\" fill=\"{}\"/>\
             <text x=\"{:.1}\" y=\"30\" class=\"tick\">{}</text>",
            series.color,
            legend_x + 16.0,
            escape(&series.name)
        );
        legend_x += 28.0 + 6.5 * series.name.chars().count() as f64;
    }
    for tick in &ticks {
        let tick_y = y.map(*tick);
        let _ = write!(
            svg,
            "<line x1=\"{left:.1}\" y1=\"{tick_y:.1}\" x2=\"{right:.1}\" y2=\"{tick_y:.1}\" class=\"grid\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" class=\"tick\" text-anchor=\"end\">{}{}</text>",
            left - 6.0,
            tick_y + 4.0,
            tick_label(*tick, step),
            axis.unit
        );
    }
    if let Some(reference) = axis.reference_line {
        let reference_y = y.map(reference);
        let _ = write!(
            svg,
            "<line x1=\"{left:.1}\" y1=\"{reference_y:.1}\" x2=\"{right:.1}\" y2=\"{reference_y:.1}\" class=\"parity\"/>"
        );
    }
    // Label at most about twelve runs, so that labels never overlap.
    let label_every = x_labels.len().div_ceil(12).max(1);
    for (index, label) in x_labels.iter().enumerate() {
        if index % label_every == 0 || index + 1 == x_labels.len() {
            let _ = write!(
                svg,
                "<text x=\"{:.1}\" y=\"{:.1}\" class=\"tick\" text-anchor=\"middle\">{}</text>",
                x.map(index as f64),
                bottom + 16.0,
                escape(label)
            );
        }
    }
    for series in series {
        let mut path = String::new();
        let mut pen_down = false;
        for (index, value) in series.values.iter().enumerate() {
            match value.filter(|value| value.is_finite()) {
                Some(value) => {
                    let _ = write!(
                        path,
                        "{}{:.1},{:.1} ",
                        if pen_down { "L" } else { "M" },
                        x.map(index as f64),
                        y.map(value)
                    );
                    pen_down = true;
                }
                None => pen_down = false,
            }
        }
        if !path.is_empty() {
            let _ = write!(
                svg,
                "<path d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>",
                path.trim_end(),
                series.color
            );
        }
        for (index, value) in series.values.iter().enumerate() {
            if let Some(value) = value.filter(|value| value.is_finite()) {
                let _ = write!(
                    svg,
                    "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{}\"><title>{}: {:.2}{} ({})</title></circle>",
                    x.map(index as f64),
                    y.map(value),
                    series.color,
                    escape(&series.name),
                    value,
                    axis.unit,
                    escape(x_labels.get(index).map_or("", String::as_str))
                );
            }
        }
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::{bar_chart, line_chart, nice_ticks, Bar, LinearScale, Series, YAxis};

    #[test]
    fn scales_map_the_domain_onto_the_range() {
        let x = LinearScale::new((0.0, 2.0), (100.0, 300.0));
        assert_eq!(x.map(0.0), 100.0);
        assert_eq!(x.map(1.0), 200.0);
        assert_eq!(x.map(2.0), 300.0);
        assert_eq!(x.map(3.0), 400.0);
        // A y axis runs backwards: larger values are higher up, at smaller coordinates.
        let y = LinearScale::new((0.0, 100.0), (250.0, 50.0));
        assert_eq!(y.map(0.0), 250.0);
        assert_eq!(y.map(100.0), 50.0);
        assert_eq!(y.map(25.0), 200.0);
        // A domain of one value maps to the middle instead of dividing by zero.
        assert_eq!(LinearScale::new((5.0, 5.0), (0.0, 10.0)).map(5.0), 5.0);
    }

    #[test]
    fn ticks_are_round_and_cover_the_data() {
        assert_eq!(
            nice_ticks(0.0, 2.7, 6),
            vec![0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0]
        );
        assert_eq!(
            nice_ticks(0.0, 100.0, 5),
            vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]
        );
        assert_eq!(nice_ticks(0.93, 1.19, 5), vec![0.9, 1.0, 1.1, 1.2]);
        let flat = nice_ticks(1.0, 1.0, 5);
        assert!(
            flat.first() < Some(&1.0) && flat.last() > Some(&1.0),
            "{flat:?}"
        );
        assert!(nice_ticks(f64::NAN, 1.0, 5).is_empty());
    }

    #[test]
    fn bars_are_scaled_to_the_largest_tick() {
        let bars = [
            Bar {
                label: "a<b".to_string(),
                value: 1.0,
                counted: true,
            },
            Bar {
                label: "c".to_string(),
                value: 2.7,
                counted: true,
            },
        ];
        let svg = bar_chart("ratios", &bars, 1.0);
        // The axis runs from 0 to 3.0 over 170..710 px: 1.0 is 180 px long, 2.7 is 486.
        assert!(
            svg.contains("width=\"180.0\" height=\"12.0\" class=\"bar-good\""),
            "{svg}"
        );
        assert!(
            svg.contains("width=\"486.0\" height=\"12.0\" class=\"bar-bad\""),
            "{svg}"
        );
        assert!(svg.contains(">a&lt;b</text>"), "{svg}");
        assert!(
            svg.contains("x1=\"350.0\""),
            "the parity line at 1.0: {svg}"
        );
    }

    #[test]
    fn lines_break_at_missing_values() {
        let labels = ["r1", "r2", "r3"].map(str::to_string);
        let series = [Series {
            name: "pass rate".to_string(),
            color: "#123456",
            values: vec![Some(50.0), None, Some(100.0)],
        }];
        let axis = YAxis {
            min: Some(0.0),
            max: Some(100.0),
            unit: "%",
            reference_line: None,
        };
        let svg = line_chart("trend", &labels, &series, axis);
        // x runs over 106..694 px, y from 228 (0 %) up to 44 (100 %).
        assert!(svg.contains("d=\"M106.0,136.0 M694.0,44.0\""), "{svg}");
        assert!(
            svg.contains("<title>pass rate: 100.00% (r3)</title>"),
            "{svg}"
        );
    }
}
