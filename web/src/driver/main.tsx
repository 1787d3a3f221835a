/** @jsxImportSource preact */
import { render } from 'preact';
import '../shared/phone.css';
import { DriverPage } from './driver-page';

render(<DriverPage />, document.getElementById('root')!);
