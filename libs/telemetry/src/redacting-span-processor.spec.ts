import { InMemorySpanExporter, SimpleSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import { RedactingSpanProcessor } from './redacting-span-processor';

describe(RedactingSpanProcessor.name, () => {
  it('exports spans with a survey token replaced by the route, other attributes untouched', () => {
    const exporter = new InMemorySpanExporter();
    const provider = new TracerProvider({ spanProcessors: [new RedactingSpanProcessor(), new SimpleSpanProcessor({ exporter })] });
    const span = provider.getTracer('test').startSpan('GET');
    span.setAttributes({
      'url.path': '/surveys/c2VjcmV0LXRva2Vu',
      'http.url': 'http://127.0.0.1:3000/surveys/c2VjcmV0LXRva2Vu?x=1',
      'http.route': '/surveys/:token',
      'url.other': '/v1/surveys/stats',
      'http.status_code': 200,
    });
    span.end();
    expect(exporter.getFinishedSpans()[0]?.attributes).toEqual({
      'url.path': '/surveys/:token',
      'http.url': 'http://127.0.0.1:3000/surveys/:token?x=1',
      'http.route': '/surveys/:token',
      'url.other': '/v1/surveys/stats',
      'http.status_code': 200,
    });
  });
});
