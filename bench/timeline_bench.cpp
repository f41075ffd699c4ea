// Timeline frame benchmark (not a test): builds whole app frames natively with
// ImGui and no window, over synthetic archives of 1,000 / 100,000 / 1,000,000
// works, while panning and zooming; prints the median and 99th-percentile CPU
// time of a frame, and of the timeline layout alone, as a Markdown table.
//
//   build/native/bench/timeline_bench [max_works]
#include <imgui.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "core/import/synth.h"
#include "core/timeline/timeline_layout.h"
#include "ui/app.h"

using namespace lectern;

namespace {

double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
    return v[i];
}

// 60 pan steps, 30 zoom-in steps, 30 zoom-out steps from the fitted view.
std::vector<YearWindow> moves(YearWindow fit) {
    std::vector<YearWindow> out;
    YearWindow w = fit;
    for (int i = 0; i < 60; ++i) {
        const double step = (w.end - w.start) * 0.02 * (i < 30 ? 1 : -1);
        w = {w.start + step, w.end + step};
        out.push_back(w);
    }
    for (int i = 0; i < 30; ++i) out.push_back(w = zoom_about(w, (w.start + w.end) / 2, 0.8));
    for (int i = 0; i < 30; ++i) out.push_back(w = zoom_about(w, (w.start + w.end) / 2, 1.25));
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t max_works = argc > 1 ? static_cast<std::size_t>(std::atoll(argv[1])) : 1000000;
    std::printf(
        "| works | load (ms) | frame median (ms) | frame p99 (ms) | layout median (ms) | layout p99 (ms) | drawn "
        "marks+clusters (median) |\n");
    std::printf("|---:|---:|---:|---:|---:|---:|---:|\n");
    for (std::size_t n : {std::size_t(1000), std::size_t(100000), std::size_t(1000000)}) {
        if (n > max_works) break;
        SynthSettings settings;
        settings.works = n;
        settings.first_year = 1000;
        settings.last_year = 2000;
        settings.seed = 42;
        settings.events = 50;
        const std::string json = synth_archive_json(settings);
        Session session;
        const double t0 = cpu_ms();
        if (!session.load(json).ok()) {
            std::fprintf(stderr, "synthetic archive did not load\n");
            return 1;
        }
        const double load_ms = cpu_ms() - t0;

        ImGui::CreateContext();
        ImGui::GetIO().DisplaySize = ImVec2(1280, 800);
        ui::UiState ui;
        ui::init_ui(ui, 1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

        std::vector<double> frames, layouts, drawn;
        const TimeWindow fit = session.fitted_view();
        TimelineFrame scratch;
        for (int warm = 0; warm < 2; ++warm) {
            for (const YearWindow& v : moves({fit.start, fit.end})) {
                session.set_view(v.start, v.end);
                ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
                const double f0 = cpu_ms();
                ImGui::NewFrame();
                ui::draw_app(session, ui);
                ImGui::Render();
                const double f1 = cpu_ms();
                // The layout alone, as the view runs it (labels measured as 7 px a byte here).
                const ViewTransform vt{session.view().start, session.view().end, 132, 1136};
                layout_timeline(
                    session.timeline(), vt, LayoutParams{}, [](int, int) { return 80.0f; }, scratch);
                const double f2 = cpu_ms();
                if (warm) {
                    frames.push_back(f1 - f0);
                    layouts.push_back(f2 - f1);
                    drawn.push_back(
                        static_cast<double>(ui.timeline.frame.marks.size() + ui.timeline.frame.clusters.size()));
                }
            }
        }
        ImGui::DestroyContext();
        std::printf("| %zu | %.0f | %.2f | %.2f | %.3f | %.3f | %.0f |\n", n, load_ms, percentile(frames, 0.5),
                    percentile(frames, 0.99), percentile(layouts, 0.5), percentile(layouts, 0.99),
                    percentile(drawn, 0.5));
    }
    return 0;
}
