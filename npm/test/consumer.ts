// Compiled with `tsc --strict` against the package's declarations: the public types must be usable.
import { AdjustClient } from 'adkit';
import type { AdkitError, AppDetails, CreateAppRequest, TicketStatus } from 'adkit';

async function tour(): Promise<void> {
  const client = new AdjustClient({ apiToken: 'adj_x', baseUrl: 'http://127.0.0.1:1/adjust/api/', timeoutMs: 1000 });
  const request: CreateAppRequest = {
    storeId: 'com.example', platform: 'android', name: 'n', bundleId: 'com.example',
    channelSetup: { facebook: { appId: '1' }, applovin: { sdkKeys: ['k'] } }, sections: ['events', 'brand_new'],
  };
  const created = await client.createApp(request, { signal: AbortSignal.timeout(5000) });
  const token: string = created.adjustAppToken;
  const app: AppDetails = await client.findApp('com.example', 'android');
  const status: TicketStatus = await client.waitForTicket(created.ticketToken ?? '', {
    onProgress: (s: TicketStatus) => console.log(s.status), maxIntervalMs: 100,
  });
  console.log(token, app.name, status.sections['events']?.successes.length);
  try {
    await client.getApp({ appToken: token });
  } catch (e) {
    const err = e as AdkitError;
    const kind: 'auth' | 'api' | string = err.kind;
    console.log(kind, err.status, err.requestId, err.fieldErrors.map((f) => f.field));
  }
}
void tour;
