// State the views keep between frames, and the intents they emit. Views read a
// const Session and never change it; the app frame applies the intents.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/session/frame_report.h"
#include "core/session/session.h"
#include "ui/complex_text.h"
#include "ui/fonts.h"
#include "ui/text_field.h"

namespace lectern::ui {

// What the user asked for during one frame.
struct Intents {
    std::optional<int> select;             // a work index, or -1 for the front matter
    std::optional<LaneGrouping> grouping;  // lanes by kind, section, person or collection
    bool retry_library = false;            // fetch again the library parts that failed
    std::optional<std::pair<std::uint32_t, bool>>
        keep_offline;                // a collection to keep offline (true) or forget (false)
    int step = 0;                    // previous (-1) or next (+1) work in time order: set, not added, so one key press
                                     // seen by both the timeline and the reader steps once
    std::optional<TimeWindow> view;  // a new visible window
    std::optional<std::string> open_url;                              // an http(s) link the platform opens in a new tab
    std::optional<std::string> search;                                // a new query
    std::optional<SearchFilter> filter;                               // new filters
    std::optional<std::pair<std::size_t, std::size_t>> visible;       // items and clusters the timeline drew
    std::optional<std::pair<std::size_t, std::size_t>> results_seen;  // rows [first, last) of the results drawn
    std::optional<float> reader_scroll;                               // how far down the reader's text is scrolled
    bool eras_drawn = false;                   // the timeline drew: TimelineState's era bands are this frame's
    bool copy_citation = false;                // the open work's citation to the clipboard
    std::optional<std::string> copy_text;      // text the reader selected, to the clipboard
    bool copy_link = false;                    // a link to what is shown, to the clipboard
    bool open_file = false;                    // the reader asked to open an archive file
    bool open_full_view = false;               // (embedded) what is shown, in the full viewer in a new tab
    std::optional<std::string> export_format;  // "csv" or "json" to download
    std::optional<std::string> theme;          // the reader's choice: "light", "dark", "" (as the system is)
    std::optional<std::string> language;       // the reader's choice: "en", "ru", ..., "" (automatic)
    std::vector<std::pair<std::string, Message>>
        want_images;  // src and place (core/archive/work_images.h) of images about to show
};

// An image as the reader drew it in the last frame, in screen space: the tests read it.
struct DrawnFigure {
    std::string src;
    enum class Look { pending, image, alt } look = Look::pending;  // a placeholder, the picture, or the alt text
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// GPU textures of the session's decoded images. The platform says how to make and free
// one (OpenGL natively and on the web; the UI tests count); the app frame uploads what
// the image cache decoded (which then drops the pixels) and frees them all when the cache forgets.
struct ImageTexture {
    ImTextureID id = 0;
    std::uint32_t width = 0, height = 0;  // of the pixels uploaded
};
struct ImageTextures {
    ImTextureID (*create)(const std::uint8_t* rgba, int width, int height) = nullptr;  // null: nothing uploads
    void (*destroy)(ImTextureID id) = nullptr;
    std::map<std::string, ImageTexture> by_src;
    std::uint64_t generation = ~0ull;  // the image cache's generation() they belong to
};

// One work's mark as drawn in the last frame, in screen space: the UI tests use it.
struct TimelineMark {
    int work = -1;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool labelled = false;
    bool image_marker = false;  // drawn with the marker of a work that has images
};

// What is under the pointer on the timeline.
struct TimelineHover {
    enum class Kind { none, work, event, person, cluster, lane } kind = Kind::none;
    int lane = -1, item = -1;  // lane index and item index within the lane
};

struct TimelineState {
    TimelineFrame frame;                 // the last frame's layout, reused
    std::vector<AxisTick> ticks;         // reused
    std::vector<TimelineMark> marks;     // work marks in screen space, reused
    std::vector<float> lane_y;           // top of each lane in the last frame
    float axis_x0 = 0, axis_width = 1;   // where the time axis ran in the last frame
    int rows_cap = 6;                    // rows per lane that fitted last frame
    std::vector<std::string> collapsed;  // lane keys the reader folded away
    TimelineHover hovered;
    int hovered_work = -1;           // work index under the pointer, or -1
    std::vector<EraBand> eras;       // era bands drawn in the last frame, reused
    float eras_y0 = 0, eras_y1 = 0;  // their top and bottom
    int hovered_era = -1;            // era index under the pointer when no item is, or -1
    bool has_focus = false;          // the last click landed on the timeline
    // A two-finger pinch the shell saw since the last frame: the span's factor
    // (< 1 zooms in) and the screen x between the fingers. Applied and reset by the view.
    double pinch_factor = 1.0;
    float pinch_x = 0;
    // Motion: a drag pans (and keeps going briefly after release), keys and
    // clicks on clusters start eased moves.
    enum class Press { none, lanes, gutter, overview } press = Press::none;  // where the button went down
    bool dragged = false;
    double velocity = 0;  // years per second after a drag
    bool animating = false;
    YearWindow anim_from, anim_to;
    double anim_t = 0, anim_duration = 0.25;
    bool follow_request = false;  // bring the selection into view (set for selections made outside the timeline)
    YearWindow drawn{0, 0};       // the window drawn last frame: a different one now was set from outside
};

struct ReaderState {
    int shown = -2;                            // work shown last frame, to restore its scroll when it changes
    float scale = 1.0f;                        // reading size, Ctrl + '+' / '-' / '0', within 0.7-2.0
    std::vector<float> scroll_of;              // reading position per work index + 1 (0: front matter), kept while open
    float scroll_y = 0;                        // the reader's scroll in the last frame
    float pending_scroll = -1;                 // a position to reach (restored, or an outline jump); -1: none
    int pending_frames = 0;                    // frames left to reach it while the new content's size settles
    std::uint64_t archive_generation = ~0ull;  // positions belong to this archive (Session::archive_generation)
    int body_lines = 0;                        // lines of the shown body's layout (0: no body)
    int body_headings = 0;                     // headings in the shown body's outline
    int layouts = 0;                           // layout passes so far: scrolling must not add any
    // One finger on a touch screen scrolls the text, and a flick keeps it gliding.
    bool finger_down = false;                     // a finger went down on the reader and is still down
    bool finger_scrolling = false;                // it moved far enough to be a scroll, not a tap
    double finger_moved_at = 0;                   // ImGui time of its last move
    double finger_frame_dt = 0;                   // the frame step at that move
    double glide = 0;                             // scroll speed in pixels per second (positive: down the text)
    std::shared_ptr<struct MarkdownCache> texts;  // parsed and laid-out texts (ui/markdown_view.h)
    ImageTextures images;                         // the shown work's pictures
    std::vector<DrawnFigure> figures;             // images drawn in the last frame
    std::vector<DrawnControl> controls;           // buttons drawn in the last frame, for the tests (state().controls)
    // The heights the shown body's images took in the last frame: the body's layout leaves
    // that much room after each one's block (a frame late when one changes, then settled).
    const char* body_images_of = nullptr;  // the body they belong to (its MarkdownEntry's key)
    std::vector<float> body_image_h;
};

struct SearchState {
    char query[1024] = "";       // the box's text
    std::string sent;            // the query the box last sent (or last saw in the session)
    bool focus_request = false;  // Ctrl+F or '/' asked for the box
    bool show_results = false;   // the results list stands in for the reader
    int cursor = 0;              // highlighted result, for Up/Down and Enter
    bool scroll_to_cursor = false;
    TextFieldLink field;  // the page's text input that edits the box (web)
    // Filter controls.
    std::vector<std::string> kinds;        // checked kinds
    std::vector<std::string> collections;  // checked collections (a library's, by id)
    bool use_years = false;
    int year_from = 1900, year_to = 2000;
    int attribution = 0;  // 0 any, 1 author, 2 ascribed, 3 disputed
    // The bar's labels drawn this frame (catalogue texts, which live as long as the
    // program), and those last reported to the session for state().bar.
    std::vector<const char*> labels, labels_reported;
    std::vector<DrawnControl> controls;  // its buttons the page acts on (the compact bar's Full viewer)
};

struct UiState {
    Fonts fonts;
    FontRest font_rest;   // the faces' characters beyond the viewer's core: the shell asks the page
    ComplexText complex;  // what the faces cannot draw alone (fonts.complex points here)
    // The archive (Session::archive_generation) whose characters the atlas holds; none: every one.
    std::optional<std::uint64_t> fonts_generation;
    std::string fonts_language;  // the interface language whose characters it holds
    TimelineState timeline;
    ReaderState reader;
    std::uint64_t prefs_revision = ~0ull;  // the session revision whose preferences were taken up
    SearchState search;
    std::uint64_t notice_serial = 0;  // the session notice last seen
    double notice_since = -100;       // when it appeared (ImGui time)
    FrameReport report;               // what the last frame drew, for the protocol's state()
    int seen_selected = -1;           // the selection last drawn: a library's arrives later than asked
};

}  // namespace lectern::ui
