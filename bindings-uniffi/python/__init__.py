"""adkit for Python: typed clients for Adapty, Admitad and Adjust (uniffi bindings of the Rust core).

Records and enums (`CreateAppRequest`, `Platform`, ...) come from the generated `adkit.adkit` module,
clients, errors and the transport seam (`AdjustClient`, `AdkitError`, `HttpTransport`) from
`adkit.adkit_uniffi`; both are re-exported here.
"""

from .adkit import *  # noqa: F401,F403
from .adkit_uniffi import *  # noqa: F401,F403
