import { useNegotiation } from '../../negotiation/context.tsx';
import { Text } from '../../ui/LocalizedText.tsx';
import { likelyLanguage } from './point-view.ts';

/**
 * A reason or justification as its author typed it, in whatever language: marked with its
 * likely language so it gets its own font and direction instead of the UI's.
 */
export function FreeText({ value, as, className }: { value: string; as?: 'span' | 'p'; className?: string }) {
  const { overview } = useNegotiation();
  return <Text value={value} lang={likelyLanguage(value, overview.languages)} as={as} className={className} />;
}
