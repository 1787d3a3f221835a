/** @jsxImportSource preact */
import { render } from 'preact';
import '../shared/phone.css';
import { MePage } from './me-page';

render(<MePage />, document.getElementById('root')!);
