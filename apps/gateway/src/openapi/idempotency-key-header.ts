import { ApiHeader } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER } from '../http/idempotency-key';

/** Documents the `Idempotency-Key` header a route reads (see http/idempotency-key.ts). */
export const ApiIdempotencyKeyHeader = ({ required }: { required: boolean }) =>
  ApiHeader({
    name: IDEMPOTENCY_KEY_HEADER,
    required,
    description:
      'A unique key per intended change (e.g. a UUID): a retry with the same key and body returns the first result',
  });
