#include "core/timeline/glide.h"

#include <algorithm>
#include <cmath>

namespace lectern {

double glide_step(double& velocity, double dt, double rate) {
    const double decay = std::exp(-rate * std::max(dt, 0.0));
    const double shift = velocity * (1.0 - decay) / rate;
    velocity *= decay;
    return shift;
}

}  // namespace lectern
