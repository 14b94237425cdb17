#include "query/plot.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

#include "write/html_writer.h"

namespace eventcoder {

namespace {

constexpr double kWidth = 900, kHeight = 440;
constexpr double kLeft = 70, kRight = 30, kTop = 60, kBottom = 70;

// SVG is XML: the HTML view's escaping (markup characters, control characters, and
// invalid UTF-8 repaired) is what it needs too.
std::string Escape(std::string_view s) { return HtmlWriter::Escape(s); }

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A round tick step (1, 2 or 5 times a power of ten) giving at most ~6 ticks up to max.
double TickStep(double max) {
  double raw = max / 5;
  double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * mag >= raw) return std::max(1.0, m * mag);
  }
  return std::max(1.0, 10 * mag);
}

}  // namespace

std::string PlotSvg(std::span<const PeriodRow> rows, const std::string& title) {
  const double plot_w = kWidth - kLeft - kRight, plot_h = kHeight - kTop - kBottom;
  std::string s;
  s += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  s += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + Num(kWidth) + "\" height=\"" +
       Num(kHeight) + "\" viewBox=\"0 0 " + Num(kWidth) + " " + Num(kHeight) +
       "\" font-family=\"sans-serif\" font-size=\"12\">\n";
  s += "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
  s += "<text x=\"" + Num(kWidth / 2) + "\" y=\"28\" text-anchor=\"middle\" font-size=\"16\">" +
       Escape(title) + "</text>\n";
  if (rows.empty()) {
    s += "<text x=\"" + Num(kWidth / 2) + "\" y=\"" + Num(kHeight / 2) +
         "\" text-anchor=\"middle\">no events match</text>\n</svg>\n";
    return s;
  }
  int64_t max = 1;
  for (const PeriodRow& r : rows) max = std::max({max, r.cooperation, r.conflict});
  double step = TickStep(static_cast<double>(max));
  double top = std::ceil(static_cast<double>(max) / step) * step;
  auto x_of = [&](size_t i) {
    if (rows.size() == 1) return kLeft + plot_w / 2;
    return kLeft + plot_w * static_cast<double>(i) / static_cast<double>(rows.size() - 1);
  };
  auto y_of = [&](double v) { return kTop + plot_h * (1 - v / top); };

  // Y axis: gridlines and tick labels.
  s += "<g stroke=\"#dddddd\">\n";
  for (double v = 0; v <= top + step / 2; v += step) {
    s += "<line x1=\"" + Num(kLeft) + "\" y1=\"" + Num(y_of(v)) + "\" x2=\"" + Num(kLeft + plot_w) +
         "\" y2=\"" + Num(y_of(v)) + "\"/>\n";
  }
  s += "</g>\n<g text-anchor=\"end\">\n";
  for (double v = 0; v <= top + step / 2; v += step) {
    s += "<text x=\"" + Num(kLeft - 8) + "\" y=\"" + Num(y_of(v) + 4) + "\">" +
         std::to_string(static_cast<long long>(v)) + "</text>\n";
  }
  s += "</g>\n";
  // Axes.
  s += "<g stroke=\"black\">\n";
  s += "<line x1=\"" + Num(kLeft) + "\" y1=\"" + Num(kTop) + "\" x2=\"" + Num(kLeft) + "\" y2=\"" +
       Num(kTop + plot_h) + "\"/>\n";
  s += "<line x1=\"" + Num(kLeft) + "\" y1=\"" + Num(kTop + plot_h) + "\" x2=\"" +
       Num(kLeft + plot_w) + "\" y2=\"" + Num(kTop + plot_h) + "\"/>\n";
  s += "</g>\n";
  // X tick labels: at most about ten, evenly spaced, always including the first.
  size_t every = std::max<size_t>(1, (rows.size() + 9) / 10);
  s += "<g text-anchor=\"middle\">\n";
  for (size_t i = 0; i < rows.size(); i += every) {
    s += "<line x1=\"" + Num(x_of(i)) + "\" y1=\"" + Num(kTop + plot_h) + "\" x2=\"" +
         Num(x_of(i)) + "\" y2=\"" + Num(kTop + plot_h + 5) + "\" stroke=\"black\"/>\n";
    s += "<text x=\"" + Num(x_of(i)) + "\" y=\"" + Num(kTop + plot_h + 20) + "\">" +
         Escape(rows[i].period) + "</text>\n";
  }
  s += "</g>\n";
  // Axis titles.
  s += "<text x=\"" + Num(kLeft + plot_w / 2) + "\" y=\"" + Num(kHeight - 18) +
       "\" text-anchor=\"middle\">period</text>\n";
  s += "<text transform=\"translate(18 " + Num(kTop + plot_h / 2) +
       ") rotate(-90)\" text-anchor=\"middle\">events</text>\n";
  // The two series.
  struct Series {
    const char* name;
    const char* color;
    const char* dash;  // so that overlapping lines stay distinguishable
    int64_t PeriodRow::*field;
  };
  const Series series[] = {{"cooperation (quad 1-2)", "#1f77b4", "none", &PeriodRow::cooperation},
                           {"conflict (quad 3-4)", "#d62728", "6 3", &PeriodRow::conflict}};
  for (const Series& se : series) {
    s += "<g class=\"series\" fill=\"" + std::string(se.color) + "\">\n";
    s += "<title>" + Escape(se.name) + "</title>\n";
    if (rows.size() > 1) {
      s += "<polyline fill=\"none\" stroke=\"" + std::string(se.color) +
           "\" stroke-width=\"2\" stroke-dasharray=\"" + se.dash + "\" points=\"";
      for (size_t i = 0; i < rows.size(); ++i) {
        if (i) s += ' ';
        s += Num(x_of(i)) + "," + Num(y_of(static_cast<double>(rows[i].*se.field)));
      }
      s += "\"/>\n";
    }
    if (rows.size() <= 400) {
      for (size_t i = 0; i < rows.size(); ++i) {
        s += "<circle cx=\"" + Num(x_of(i)) + "\" cy=\"" +
             Num(y_of(static_cast<double>(rows[i].*se.field))) + "\" r=\"3\"/>\n";
      }
    }
    s += "</g>\n";
  }
  // Legend, top right.
  double lx = kLeft + plot_w - 190, ly = kTop - 38;
  s += "<g class=\"legend\">\n";
  s += "<rect x=\"" + Num(lx) + "\" y=\"" + Num(ly) +
       "\" width=\"190\" height=\"34\" fill=\"white\" stroke=\"#999999\"/>\n";
  for (size_t i = 0; i < 2; ++i) {
    double y = ly + 11 + 13 * static_cast<double>(i);
    s += "<line x1=\"" + Num(lx + 8) + "\" y1=\"" + Num(y) + "\" x2=\"" + Num(lx + 30) +
         "\" y2=\"" + Num(y) + "\" stroke=\"" + series[i].color +
         "\" stroke-width=\"2\" stroke-dasharray=\"" + series[i].dash + "\"/>\n";
    s +=
        "<text x=\"" + Num(lx + 36) + "\" y=\"" + Num(y + 4) + "\">" + series[i].name + "</text>\n";
  }
  s += "</g>\n</svg>\n";
  return s;
}

}  // namespace eventcoder
