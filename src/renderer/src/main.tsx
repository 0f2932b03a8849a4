import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './components/App'
import { startStores } from './store/events'
import { readerFonts } from './lib/reading/reader-fonts'
import './styles/index.css'

startStores()
// Before the first list is drawn, so its CJK, Arabic and Hebrew headlines have their faces.
readerFonts()

const container = document.getElementById('root')
if (!container) throw new Error('index.html has no #root element')
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
