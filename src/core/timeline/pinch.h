// Two fingers on a touch screen, as a zoom: the platform reports fingers, this says
// by how much the span should change and around which point.
//
//   PinchTracker p;  p.down(id, x, y) ... double f = p.move(id, x, y);  // f < 1: zoom in
//
// Plain geometry in pixels; a third finger ends the pinch until only two are down again.
#pragma once

#include <cstdint>
#include <vector>

namespace lectern {

class PinchTracker {
public:
    void down(std::int64_t finger, double x, double y);
    void up(std::int64_t finger);
    // The span factor since the last move: the old distance between the fingers over the
    // new one (fingers spreading apart zoom in). 1 when no pinch is going on.
    double move(std::int64_t finger, double x, double y);
    bool active() const { return fingers_.size() == 2; }
    double centre_x() const;
    void clear() { fingers_.clear(); }

private:
    struct Finger {
        std::int64_t id;
        double x, y;
    };
    std::vector<Finger> fingers_;
    double spread() const;
};

}  // namespace lectern
