import { RegisterPublicKey } from '@complaints/contracts';
import { formatVerifierKey, rawEd25519PublicKey } from '@complaints/transparency-log';
import { Inject, Injectable } from '@nestjs/common';
import { REGISTER_SETTINGS, RegisterSettings } from './register-settings';

/** The key checkpoints verify with, raw and as the C2SP verifier key an auditor pins. */
@Injectable()
export class RegisterPublicKeyQuery {
  private readonly view: RegisterPublicKey;

  constructor(@Inject(REGISTER_SETTINGS) settings: RegisterSettings) {
    const raw = rawEd25519PublicKey(settings.keyPair.publicKey);
    this.view = {
      name: settings.origin,
      algorithm: 'ed25519',
      publicKey: Buffer.from(raw).toString('base64'),
      verifierKey: formatVerifierKey(settings.origin, raw),
    };
  }

  execute(): RegisterPublicKey {
    return this.view;
  }
}
