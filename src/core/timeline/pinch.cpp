#include "core/timeline/pinch.h"

#include <algorithm>
#include <cmath>

namespace lectern {

void PinchTracker::down(std::int64_t finger, double x, double y) {
    up(finger);
    fingers_.push_back({finger, x, y});
}

void PinchTracker::up(std::int64_t finger) {
    fingers_.erase(std::remove_if(fingers_.begin(), fingers_.end(), [&](const Finger& f) { return f.id == finger; }),
                   fingers_.end());
}

double PinchTracker::spread() const { return std::hypot(fingers_[0].x - fingers_[1].x, fingers_[0].y - fingers_[1].y); }

double PinchTracker::move(std::int64_t finger, double x, double y) {
    const auto it = std::find_if(fingers_.begin(), fingers_.end(), [&](const Finger& f) { return f.id == finger; });
    if (it == fingers_.end()) return 1.0;
    if (!active()) {
        it->x = x, it->y = y;
        return 1.0;
    }
    const double before = spread();
    it->x = x, it->y = y;
    const double after = spread();
    // Fingers closer than a few pixels say nothing about scale: no jump to the zoom limit.
    if (before < 4.0 || after < 4.0 || !std::isfinite(before / after)) return 1.0;
    return before / after;
}

double PinchTracker::centre_x() const { return fingers_.empty() ? 0.0 : (fingers_.front().x + fingers_.back().x) / 2; }

}  // namespace lectern
