import { WhatIfRequest, WhatIfRequests, WhatIfResult } from '@complaints/contracts';
import { Answers } from '@complaints/messaging';
import { Controller } from '@nestjs/common';
import { RunWhatIf } from './run-what-if';

/** sla's what-if entry point: one use case. */
@Controller()
export class WhatIfHandlers {
  constructor(private readonly runWhatIf: RunWhatIf) {}

  @Answers(WhatIfRequests.replay)
  replay(request: WhatIfRequest): Promise<WhatIfResult> {
    return this.runWhatIf.execute(request);
  }
}
