export { Avatar, Badge, Pill, StatusBadge } from './badges';
export { Button, Spinner } from './button';
export { CheckboxField } from './checkbox-field';
export { cn } from './cn';
export { Alert, Card, EmptyState, ErrorState, Loading, Skeleton } from './feedback';
export { SelectField, TextField } from './field';
export { OtpCodeField } from './otp-field';
