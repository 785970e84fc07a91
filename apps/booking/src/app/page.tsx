import { ClinicianDirectory } from './clinician-directory';

export default function HomePage() {
  return <ClinicianDirectory />;
}
