// PlotSvg: a self-contained SVG line chart of cooperation and conflict event counts per
// period (the rows of query.h's Aggregate), hand-written (no scripts, fonts or external
// references): title, y axis with ticks and gridlines, period labels on the x axis, one
// line per series with a point per period, and a legend. Text is XML-escaped.
//
// Thread safety: pure function.
#ifndef EVENTCODER_QUERY_PLOT_H_
#define EVENTCODER_QUERY_PLOT_H_

#include <span>
#include <string>

#include "query/query.h"

namespace eventcoder {

// `title` heads the chart (e.g. "ISR, events per week"). No rows: an empty chart saying so.
std::string PlotSvg(std::span<const PeriodRow> rows, const std::string& title);

}  // namespace eventcoder

#endif  // EVENTCODER_QUERY_PLOT_H_
